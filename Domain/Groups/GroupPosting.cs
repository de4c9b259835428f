using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;

namespace RedMvc.Domain.Groups;

/// <summary>
/// Starting, replying to, editing and deleting threads: the one workflow the pages, the demo seed and
/// the tests call. Each checks who may post (GroupAccess), the text (GroupLimits), the thread's state,
/// then writes the row, the stored counts and the notices in one transaction. Refusals throw GroupRuleException.
/// </summary>
public static class GroupPosting
{
    public static async Task<GroupThread> StartThreadAsync(AppDbContext db, Group group, GroupMember? membership, string authorId, ThreadKind kind,
        PostInput input, IReadOnlyList<string> photoKeys, GroupLimits limits, DateTime now, ScreeningVerdict screening = default, CancellationToken cancellationToken = default)
    {
        if (screening.Blocks) throw new GroupRuleException(ScreeningVerdict.BlockedKey);
        if (GroupAccess.PostProblem(group, membership, now) is { } problem) throw new GroupRuleException(problem);
        var (title, body, problems) = input.Check(limits, withTitle: true);
        if (problems.Count > 0) throw new GroupRuleException(problems[0].Error);
        if (photoKeys.Count > limits.MaxPhotos) throw new GroupRuleException("Group.Error.TooManyPhotos");
        var thread = GroupThread.Start(group.Id, authorId, kind, title, body, now);
        thread.Screen(screening, now);
        for (var i = 0; i < photoKeys.Count; i++) thread.AddPhoto(new GroupThreadPhoto(photoKeys[i], i));
        membership!.Posted(now);
        await db.InTransactionAsync(async () =>
        {
            db.GroupThreads.Add(thread);
            await db.SaveChangesAsync(cancellationToken);
            await db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s
                .SetProperty(g => g.ThreadCount, g => g.ThreadCount + 1).SetProperty(g => g.LastActivityAt, now), cancellationToken);
            // A held thread tells nobody: it is its author's alone until staff approve it.
            if (thread.HeldAt is null) await GroupNotices.ThreadStartedAsync(db, group, thread, cancellationToken);
        }, cancellationToken);
        return thread;
    }

    public static async Task<GroupReply> ReplyAsync(AppDbContext db, Group group, GroupMember? membership, GroupThread thread, string authorId,
        string? body, long? quoteReplyId, GroupLimits limits, DateTime now, ScreeningVerdict screening = default, CancellationToken cancellationToken = default)
    {
        if (screening.Blocks) throw new GroupRuleException(ScreeningVerdict.BlockedKey);
        if (GroupAccess.PostProblem(group, membership, now) is { } problem) throw new GroupRuleException(problem);
        if (thread.IsDeleted || thread.IsRemoved || thread.GroupId != group.Id) throw new GroupRuleException("Group.Error.ThreadGone");
        if (thread.IsClosed) throw new GroupRuleException("Group.Error.Closed");
        var (_, text, problems) = new PostInput(null, body).Check(limits, withTitle: false);
        if (problems.Count > 0) throw new GroupRuleException(problems[0].Error);
        string? quotedAuthorId = null;
        if (quoteReplyId is { } quoteId)
        {
            var quoted = await db.GroupReplies.AsNoTracking().Where(r => r.Id == quoteId && r.ThreadId == thread.Id && r.DeletedAt == null && r.RemovedAt == null)
                .Select(r => new { r.AuthorId }).SingleOrDefaultAsync(cancellationToken) ?? throw new GroupRuleException("Group.Error.QuoteGone");
            quotedAuthorId = quoted.AuthorId;
        }
        var reply = GroupReply.To(thread.Id, authorId, text, quoteReplyId, now);
        reply.Screen(screening, now);
        membership!.Posted(now);
        await db.InTransactionAsync(async () =>
        {
            db.GroupReplies.Add(reply);
            await db.SaveChangesAsync(cancellationToken);
            await db.GroupThreads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1).SetProperty(t => t.LastActivityAt, now), cancellationToken);
            await db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.LastActivityAt, now), cancellationToken);
            if (reply.HeldAt is null) await GroupNotices.ReplyAddedAsync(db, group, thread, reply, quotedAuthorId, cancellationToken);
        }, cancellationToken);
        return reply;
    }

    /// <summary>The author edits within the edit window; the page then shows "edited". Closed threads and moderators' removals end editing.</summary>
    public static async Task EditThreadAsync(AppDbContext db, GroupThread thread, string userId, PostInput input, GroupLimits limits, DateTime now,
        ScreeningVerdict screening = default, CancellationToken cancellationToken = default)
    {
        if (screening.Blocks) throw new GroupRuleException(ScreeningVerdict.BlockedKey);
        if (!thread.MayEdit(userId, limits.EditWindow, now)) throw new GroupRuleException("Group.Error.EditWindow");
        var (title, body, problems) = input.Check(limits, withTitle: true);
        if (problems.Count > 0) throw new GroupRuleException(problems[0].Error);
        thread.Edit(title, body, now);
        thread.Screen(screening, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task EditReplyAsync(AppDbContext db, GroupThread thread, GroupReply reply, string userId, string? body, GroupLimits limits, DateTime now,
        ScreeningVerdict screening = default, CancellationToken cancellationToken = default)
    {
        if (screening.Blocks) throw new GroupRuleException(ScreeningVerdict.BlockedKey);
        if (!thread.MayEditReply(reply, userId, limits.EditWindow, now)) throw new GroupRuleException("Group.Error.EditWindow");
        var (_, text, problems) = new PostInput(null, body).Check(limits, withTitle: false);
        if (problems.Count > 0) throw new GroupRuleException(problems[0].Error);
        reply.Edit(text, now);
        reply.Screen(screening, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The author deletes their thread: it leaves the group's list and its page. Safe to repeat.</summary>
    public static async Task DeleteThreadAsync(AppDbContext db, GroupThread thread, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (thread.AuthorId != userId) throw new GroupRuleException("Group.Error.NotYours");
        await db.InTransactionAsync(async () =>
        {
            var leftListed = await db.GroupThreads.Where(t => t.Id == thread.Id && t.DeletedAt == null && t.RemovedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, now), cancellationToken);
            if (leftListed == 1)
                await db.Groups.Where(g => g.Id == thread.GroupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.ThreadCount, g => g.ThreadCount - 1), cancellationToken);
            else await db.GroupThreads.Where(t => t.Id == thread.Id && t.DeletedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, now), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The author deletes their reply: the row stays as a "deleted" placeholder (quotes and order keep
    /// their place), its text goes, the thread's count goes down once and an accepted answer is unmarked.
    /// </summary>
    public static async Task DeleteReplyAsync(AppDbContext db, GroupReply reply, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (reply.AuthorId != userId) throw new GroupRuleException("Group.Error.NotYours");
        await db.InTransactionAsync(async () =>
        {
            // Read from the row, not the entity in hand: a moderator may have removed it since it was loaded.
            var leftLive = await db.GroupReplies.Where(r => r.Id == reply.Id && r.DeletedAt == null && r.RemovedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeletedAt, now).SetProperty(r => r.Body, ""), cancellationToken);
            if (leftLive == 1) await ReplyGoneAsync(db, reply, cancellationToken);
            else await db.GroupReplies.Where(r => r.Id == reply.Id && r.DeletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeletedAt, now).SetProperty(r => r.Body, ""), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A reply left the thread (deleted or removed): one fewer in the count, and no longer its answer.</summary>
    internal static async Task ReplyGoneAsync(AppDbContext db, GroupReply reply, CancellationToken cancellationToken)
    {
        await db.GroupThreads.Where(t => t.Id == reply.ThreadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount - 1), cancellationToken);
        await db.GroupThreads.Where(t => t.Id == reply.ThreadId && t.AcceptedReplyId == reply.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AcceptedReplyId, (long?)null), cancellationToken);
    }

    /// <summary>A removed reply came back (staff restored it): one more in the count again.</summary>
    internal static Task ReplyBackAsync(AppDbContext db, GroupReply reply, CancellationToken cancellationToken) =>
        db.GroupThreads.Where(t => t.Id == reply.ThreadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount + 1), cancellationToken);
}
