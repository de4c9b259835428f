using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Groups;

/// <summary>
/// What a group's moderators and owner do to threads and replies: pin, close, move, remove with a
/// reason, slow mode, and marking an answer. Each is checked against GroupAccess and written to the
/// group's log with the change, in one transaction. Refusals throw GroupRuleException.
/// </summary>
public static class GroupModeration
{
    /// <summary>
    /// A group's moderators close their group's reports as dismissed or removed, nothing else: the same
    /// rows reach the staff queue, whose outcomes (muted, suspended...) are staff's to give.
    /// </summary>
    /// <returns>False when there is no such report in this group or the outcome is not a group's.</returns>
    public static async Task<bool> ResolveReportAsync(AppDbContext db, Group group, string moderatorId, long reportId, ReportOutcome outcome,
        DateTime now, CancellationToken cancellationToken = default)
    {
        if (outcome is not (ReportOutcome.Dismissed or ReportOutcome.Removed)) return false;
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId && r.GroupId == group.Id, cancellationToken);
        if (report is null) return false;
        report.Resolve(moderatorId, outcome, now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static Task PinAsync(AppDbContext db, Group group, GroupMember? moderator, GroupThread thread, DateTime? until, DateTime now, CancellationToken cancellationToken = default) =>
        ActAsync(db, group, moderator, thread, ModerationKind.Pin, null, now, () => thread.Pin(until, now), cancellationToken);

    public static Task UnpinAsync(AppDbContext db, Group group, GroupMember? moderator, GroupThread thread, DateTime now, CancellationToken cancellationToken = default) =>
        ActAsync(db, group, moderator, thread, ModerationKind.Unpin, null, now, thread.Unpin, cancellationToken);

    public static Task CloseAsync(AppDbContext db, Group group, GroupMember? moderator, GroupThread thread, DateTime now, CancellationToken cancellationToken = default) =>
        ActAsync(db, group, moderator, thread, ModerationKind.Close, null, now, () => thread.Close(now), cancellationToken);

    public static Task ReopenAsync(AppDbContext db, Group group, GroupMember? moderator, GroupThread thread, DateTime now, CancellationToken cancellationToken = default) =>
        ActAsync(db, group, moderator, thread, ModerationKind.Reopen, null, now, thread.Reopen, cancellationToken);

    /// <summary>Removes a thread with a reason its author sees; it leaves the list and the group's count.</summary>
    public static async Task RemoveThreadAsync(AppDbContext db, Group group, GroupMember? moderator, GroupThread thread, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        var stored = GroupMemberships.Reason(reason);
        var wasListed = !thread.IsRemoved && !thread.IsDeleted;
        await ActAsync(db, group, moderator, thread, ModerationKind.RemoveThread, stored, now, () => thread.Remove(stored, now), cancellationToken, async () =>
        {
            if (wasListed)
                await db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ThreadCount, g => g.ThreadCount - 1), cancellationToken);
        });
    }

    /// <summary>Removes a reply with a reason its author sees; others see a "removed by a moderator" placeholder.</summary>
    public static async Task RemoveReplyAsync(AppDbContext db, Group group, GroupMember? moderator, GroupReply reply, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        EnsureModerator(group, moderator);
        var stored = GroupMemberships.Reason(reason);
        var thread = await db.GroupThreads.AsNoTracking().SingleAsync(t => t.Id == reply.ThreadId, cancellationToken);
        if (thread.GroupId != group.Id) throw new GroupRuleException("Group.Error.NotModerator");
        await db.InTransactionAsync(async () =>
        {
            // Read from the row, not the entity in hand: its author may have deleted it since it was loaded.
            var leftLive = await db.GroupReplies.Where(r => r.Id == reply.Id && r.RemovedAt == null && r.DeletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemovedAt, now).SetProperty(r => r.RemovedReason, stored), cancellationToken);
            if (leftLive == 1) await GroupPosting.ReplyGoneAsync(db, reply, cancellationToken);
            else if (await db.GroupReplies.Where(r => r.Id == reply.Id && r.RemovedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemovedAt, now).SetProperty(r => r.RemovedReason, stored), cancellationToken) == 0) return;
            db.ModerationActions.Add(new ModerationAction(group.Id, moderator!.UserId, ModerationKind.RemoveReply, now, reply.AuthorId, thread.Id, reply.Id, stored));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Moves a thread to another group the moderator also moderates; it is unpinned on the way.</summary>
    public static async Task MoveAsync(AppDbContext db, Group group, GroupMember? moderator, GroupThread thread, long toGroupId, string actorId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (toGroupId == group.Id) return;
        var target = await db.Groups.SingleOrDefaultAsync(g => g.Id == toGroupId, cancellationToken);
        var targetMembership = target is null ? null : await GroupAccess.MembershipAsync(db, target.Id, actorId, cancellationToken);
        if (target is null || !GroupAccess.MayModerate(target, targetMembership)) throw new GroupRuleException("Group.Error.MoveTarget");
        var listed = !thread.IsRemoved && !thread.IsDeleted;
        await ActAsync(db, group, moderator, thread, ModerationKind.Move, target.Name, now, () => thread.MoveTo(target.Id), cancellationToken, async () =>
        {
            if (!listed) return;
            await db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ThreadCount, g => g.ThreadCount - 1), cancellationToken);
            await db.Groups.Where(g => g.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ThreadCount, g => g.ThreadCount + 1), cancellationToken);
        });
    }

    public static async Task SetSlowModeAsync(AppDbContext db, Group group, GroupMember? moderator, int minutes, DateTime now, CancellationToken cancellationToken = default)
    {
        EnsureModerator(group, moderator);
        group.SetSlowMode(minutes);
        db.ModerationActions.Add(new ModerationAction(group.Id, moderator!.UserId, ModerationKind.SlowMode, now, reason: minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// On a question, its author or a moderator marks one live reply of it as the answer (the reply's
    /// author hears of it), or takes the mark back with null.
    /// </summary>
    public static async Task AcceptAsync(AppDbContext db, Group group, GroupMember? membership, GroupThread thread, long? replyId, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (thread.AuthorId != userId && !GroupAccess.MayModerate(group, membership)) throw new GroupRuleException("Group.Error.NotYours");
        if (thread.IsRemoved || thread.IsDeleted) throw new GroupRuleException("Group.Error.ThreadGone");
        string? answererId = null;
        if (replyId is { } id)
            answererId = await db.GroupReplies.Where(r => r.Id == id && r.ThreadId == thread.Id && r.DeletedAt == null && r.RemovedAt == null)
                .Select(r => r.AuthorId).SingleOrDefaultAsync(cancellationToken) ?? throw new GroupRuleException("Group.Error.QuoteGone");
        await db.InTransactionAsync(async () =>
        {
            thread.Accept(replyId);
            await db.SaveChangesAsync(cancellationToken);
            if (answererId is not null)
                await Notifier.NotifyAsync(db, Notification.AboutGroup(NotificationKind.AnswerAccepted, answererId, userId, group.Id, thread.Id, replyId, now), cancellationToken);
        }, cancellationToken);
    }

    private static void EnsureModerator(Group group, GroupMember? moderator)
    {
        if (!GroupAccess.MayModerate(group, moderator) || moderator!.GroupId != group.Id) throw new GroupRuleException("Group.Error.NotModerator");
    }

    private static async Task ActAsync(AppDbContext db, Group group, GroupMember? moderator, GroupThread thread, ModerationKind kind, string? reason, DateTime now,
        Action change, CancellationToken cancellationToken, Func<Task>? alsoAsync = null)
    {
        EnsureModerator(group, moderator);
        if (thread.GroupId != group.Id) throw new GroupRuleException("Group.Error.NotModerator");
        change();
        await db.InTransactionAsync(async () =>
        {
            db.ModerationActions.Add(new ModerationAction(group.Id, moderator!.UserId, kind, now, thread.AuthorId, thread.Id, reason: reason));
            await db.SaveChangesAsync(cancellationToken);
            if (alsoAsync is not null) await alsoAsync();
        }, cancellationToken);
    }
}
