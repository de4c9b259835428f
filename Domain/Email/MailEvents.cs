using RedMvc.Domain.Data;

namespace RedMvc.Domain.Email;

/// <summary>
/// Where each category's events come from: one query per category of what the recipient has not read.
/// Ids only grow within one source, so a category's cursor (EmailPreference.LastEventId) is an id there.
/// </summary>
public static class MailEvents
{
    public static IQueryable<MailEvent> UnreadOf(AppDbContext db, MailCategory category) => category switch
    {
        MailCategory.Messages => UnreadMessages(db),
        MailCategory.OrderUpdates or MailCategory.WeeklyDigest =>
            throw new ArgumentOutOfRangeException(nameof(category), category, "Mailed when they happen or weekly, not from events."),
        _ => UnreadNotifications(db, category),
    };

    private static IQueryable<MailEvent> UnreadNotifications(AppDbContext db, MailCategory category)
    {
        var kinds = MailCategories.KindsOf(category);
        return db.Notifications.Where(n => n.ReadAt == null && kinds.Contains(n.Kind)).Select(n => new MailEvent
        {
            Id = n.Id,
            RecipientId = n.RecipientId,
            ActorId = n.ActorId,
            CreatedAt = n.CreatedAt,
            Kind = n.Kind,
            NoteId = n.NoteId,
        });
    }

    /// <summary>
    /// Messages the member has not read in chats in their main list (accepted, or from someone they
    /// follow, as the list and the badge count them; a stranger's request is not mailed: it waits in the
    /// requests list), and not in a chat they deleted for themselves since.
    /// </summary>
    private static IQueryable<MailEvent> UnreadMessages(AppDbContext db) =>
        from m in db.Messages
        join c in db.ConversationMembers on new { m.ConversationId, MemberId = m.RecipientId } equals new { c.ConversationId, c.MemberId }
        where (c.Accepted || db.Follows.Any(f => f.FollowerId == m.RecipientId && f.FolloweeId == m.SenderId))
            && m.Id > c.LastReadMessageId && m.Id > c.DeletedUpToId && m.HeldAt == null
        select new MailEvent { Id = m.Id, RecipientId = m.RecipientId, ActorId = m.SenderId, CreatedAt = m.CreatedAt, NoteId = null };
}
