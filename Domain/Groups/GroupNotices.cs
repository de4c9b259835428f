using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Groups;

/// <summary>
/// Who hears about a new thread or reply. Only people who may read the group are told (a private
/// group: its members), never someone who muted the thread; Notifier leaves out the actor and blocks,
/// and its unique key makes every call safe to repeat. Watchers hear from a job, in batches (NotifyWatchersAsync).
/// </summary>
public static class GroupNotices
{
    /// <summary>How many watchers one run of the fan-out job tells at most.</summary>
    public const int WatcherBatch = 500;

    public static async Task ThreadStartedAsync(AppDbContext db, Group group, GroupThread thread, CancellationToken cancellationToken = default)
    {
        var mentioned = await MentionedAsync(db, thread.Title + "\n" + thread.Body, cancellationToken);
        foreach (var userId in await WhoMayHearAsync(db, group, thread.Id, mentioned, cancellationToken))
            await Notifier.NotifyAsync(db, Notification.AboutGroup(NotificationKind.GroupMention, userId, thread.AuthorId, group.Id, thread.Id, null, thread.CreatedAt), cancellationToken);
    }

    /// <summary>The thread's author and the quoted reply's author hear of a reply, @handles that they were mentioned; each once, the most specific.</summary>
    public static async Task ReplyAddedAsync(AppDbContext db, Group group, GroupThread thread, GroupReply reply, string? quotedAuthorId, CancellationToken cancellationToken = default)
    {
        var notices = new List<(NotificationKind Kind, string RecipientId)>();
        if (quotedAuthorId is not null) notices.Add((NotificationKind.GroupReply, quotedAuthorId));
        notices.Add((NotificationKind.GroupReply, thread.AuthorId));
        notices.AddRange((await MentionedAsync(db, reply.Body, cancellationToken)).Select(id => (NotificationKind.GroupMention, id)));
        notices = notices.DistinctBy(n => n.RecipientId).ToList();
        var mayHear = await WhoMayHearAsync(db, group, thread.Id, notices.Select(n => n.RecipientId).ToList(), cancellationToken);
        foreach (var (kind, recipientId) in notices.Where(n => mayHear.Contains(n.RecipientId)))
            await Notifier.NotifyAsync(db, Notification.AboutGroup(kind, recipientId, reply.AuthorId, group.Id, thread.Id, reply.Id, reply.CreatedAt), cancellationToken);
    }

    public static Task<bool> HasWatchersAsync(AppDbContext db, long threadId, CancellationToken cancellationToken = default) =>
        db.ThreadWatches.AnyAsync(w => w.ThreadId == threadId && w.Level == WatchLevel.Watching, cancellationToken);

    /// <summary>
    /// Tells the next batch of the thread's watchers (user ids after <paramref name="afterUserId"/>) of the
    /// reply, in one statement; those already told of it (its thread author, a quoted author) are left out.
    /// </summary>
    /// <returns>The last watcher of this batch, to start the next one after; null when none are left.</returns>
    public static async Task<string?> NotifyWatchersAsync(AppDbContext db, long replyId, string? afterUserId, int batchSize = WatcherBatch, CancellationToken cancellationToken = default)
    {
        var found = await db.GroupReplies.Where(r => r.Id == replyId && r.DeletedAt == null && r.RemovedAt == null && r.HeldAt == null)
            .Join(db.GroupThreads, r => r.ThreadId, t => t.Id, (r, t) => new { r.ThreadId, r.AuthorId, r.CreatedAt, t.GroupId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var after = afterUserId ?? "";
        var batch = await db.ThreadWatches.Where(w => w.ThreadId == found.ThreadId && w.Level == WatchLevel.Watching && string.Compare(w.UserId, after) > 0)
            .OrderBy(w => w.UserId).Take(batchSize).Select(w => w.UserId).ToListAsync(cancellationToken);
        if (batch.Count == 0) return null;
        var last = batch[^1];
        var subject = $"reply:{replyId}";
        var kind = (int)NotificationKind.WatchedThreadReply;
        var tab = (int)Notification.TabOf(NotificationKind.WatchedThreadReply);
        // Only watchers who may still see the thread (the one rule, GroupAccess): not one removed or deleted
        // since, in a deleted group, a private group they left, or across a block with its author.
        var mayStillSee = GroupAccess.ListedSql("t", "w.\"UserId\"", SqlDialect.For(db));
        // Built from numbers only; every value that comes from a person is a parameter.
        var sql = $$"""
            INSERT INTO "Notifications" ("RecipientId", "ActorId", "Kind", "Tab", "GroupId", "ThreadId", "ReplyId", "SubjectKey", "CreatedAt")
            SELECT w."UserId", {0}, {{kind}}, {{tab}}, {{found.GroupId}}, {{found.ThreadId}}, {{replyId}}, {1}, {2}
            FROM "ThreadWatches" w
            WHERE w."ThreadId" = {{found.ThreadId}} AND w."Level" = {{(int)WatchLevel.Watching}} AND w."UserId" > {3} AND w."UserId" <= {4} AND w."UserId" <> {0}
              AND EXISTS (SELECT 1 FROM "GroupThreads" t WHERE t."Id" = {{found.ThreadId}} AND {{mayStillSee}})
              AND NOT EXISTS (SELECT 1 FROM "Notifications" n WHERE n."RecipientId" = w."UserId" AND n."SubjectKey" = {1})
              AND NOT EXISTS (SELECT 1 FROM "Blocks" b WHERE (b."BlockerId" = w."UserId" AND b."BlockedId" = {0}) OR (b."BlockerId" = {0} AND b."BlockedId" = w."UserId"))
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [found.AuthorId, subject, found.CreatedAt, after, last], cancellationToken);
        return batch.Count < batchSize ? null : last;
    }

    private static async Task<List<string>> MentionedAsync(AppDbContext db, string text, CancellationToken cancellationToken)
    {
        var handles = NoteText.Mentions(text);
        return handles.Count == 0 ? [] : await db.Users.Where(u => handles.Contains(u.Handle)).Select(u => u.Id).ToListAsync(cancellationToken);
    }

    private static async Task<HashSet<string>> WhoMayHearAsync(AppDbContext db, Group group, long threadId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0) return [];
        var muted = await db.ThreadWatches.Where(w => w.ThreadId == threadId && w.Level == WatchLevel.Muted && userIds.Contains(w.UserId))
            .Select(w => w.UserId).ToListAsync(cancellationToken);
        var members = group.IsPrivate
            ? await db.GroupMembers.Where(m => m.GroupId == group.Id && m.Status == MemberStatus.Active && userIds.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(cancellationToken)
            : null;
        return userIds.Where(id => !muted.Contains(id) && (members is null || members.Contains(id))).ToHashSet();
    }
}
