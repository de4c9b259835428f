using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Groups;

/// <summary>
/// A member's part of AccountErasure in groups, inside its transaction. Threads go as notes do: they end
/// as deleted husks of the tombstone, text scrubbed (the photo sweep removes their files), with the
/// replies others hung on them. Their replies in others' threads stay as "deleted" placeholders of the
/// tombstone so the order and quotes keep their place. Likes, watches, reads and memberships go with
/// the counts they were part of. A group they owned passes to its longest-serving moderator, else
/// member, else closes. The moderation log keeps their acts under the tombstone.
/// </summary>
public static class GroupErasure
{
    public static async Task<bool> NeedsTombstoneAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.GroupThreads.AnyAsync(t => t.AuthorId == userId, cancellationToken)
        || await db.GroupReplies.AnyAsync(r => r.AuthorId == userId, cancellationToken)
        || await db.Groups.AnyAsync(g => g.OwnerId == userId, cancellationToken)
        || await db.ModerationActions.AnyAsync(a => a.ModeratorId == userId, cancellationToken);

    public static async Task EraseAsync(AppDbContext db, string userId, AppUser? tombstone, DateTime now, CancellationToken cancellationToken)
    {
        await TakeBackLikesAsync(db, userId, cancellationToken);
        await db.ThreadWatches.Where(w => w.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ThreadReads.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ModerationActions.Where(a => a.TargetUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.TargetUserId, (string?)null), cancellationToken);
        await PassOnGroupsAsync(db, userId, tombstone, now, cancellationToken);
        await db.Groups.Where(g => db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == userId && m.Status == MemberStatus.Active))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, g => g.MemberCount - 1), cancellationToken);
        await db.GroupMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (tombstone is null) return;
        await EraseThreadsAsync(db, userId, tombstone, now, cancellationToken);
        await EraseRepliesAsync(db, userId, tombstone, now, cancellationToken);
        await db.ModerationActions.Where(a => a.ModeratorId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ModeratorId, tombstone.Id), cancellationToken);
    }

    private static async Task TakeBackLikesAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        await db.GroupThreads.Where(t => db.GroupThreadLikes.Any(l => l.ThreadId == t.Id && l.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LikeCount, t => t.LikeCount - 1), cancellationToken);
        await db.GroupThreadLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.GroupReplies.Where(r => db.GroupReplyLikes.Any(l => l.ReplyId == r.Id && l.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LikeCount, r => r.LikeCount - 1), cancellationToken);
        await db.GroupReplyLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The owner's role goes to the earliest moderator, else the earliest member; a group with nobody left closes.</summary>
    private static async Task PassOnGroupsAsync(AppDbContext db, string userId, AppUser? tombstone, DateTime now, CancellationToken cancellationToken)
    {
        var owned = await db.Groups.Where(g => g.OwnerId == userId).Select(g => g.Id).ToListAsync(cancellationToken);
        foreach (var groupId in owned)
        {
            var heir = await db.GroupMembers.Where(m => m.GroupId == groupId && m.UserId != userId && m.Status == MemberStatus.Active)
                .OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).Select(m => m.UserId).FirstOrDefaultAsync(cancellationToken);
            if (heir is not null)
            {
                await db.GroupMembers.Where(m => m.GroupId == groupId && m.UserId == heir)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, GroupRole.Owner).SetProperty(m => m.MutedUntil, (DateTime?)null), cancellationToken);
                await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.OwnerId, heir), cancellationToken);
            }
            else
            {
                await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s
                    .SetProperty(g => g.OwnerId, tombstone!.Id).SetProperty(g => g.DeletedAt, g => g.DeletedAt ?? now), cancellationToken);
            }
        }
    }

    private static async Task EraseThreadsAsync(AppDbContext db, string userId, AppUser tombstone, DateTime now, CancellationToken cancellationToken)
    {
        var theirs = db.GroupThreads.Where(t => t.AuthorId == userId).Select(t => t.Id);
        await db.Groups.Where(g => db.GroupThreads.Any(t => t.GroupId == g.Id && t.AuthorId == userId && t.DeletedAt == null && t.RemovedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ThreadCount,
                g => g.ThreadCount - db.GroupThreads.Count(t => t.GroupId == g.Id && t.AuthorId == userId && t.DeletedAt == null && t.RemovedAt == null)), cancellationToken);
        await db.Notifications.Where(n => n.ThreadId != null && theirs.Contains(n.ThreadId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.GroupReplies.Where(r => theirs.Contains(r.ThreadId)).ExecuteDeleteAsync(cancellationToken);
        await db.GroupThreadLikes.Where(l => theirs.Contains(l.ThreadId)).ExecuteDeleteAsync(cancellationToken);
        await db.ThreadWatches.Where(w => theirs.Contains(w.ThreadId)).ExecuteDeleteAsync(cancellationToken);
        await db.ThreadReads.Where(r => theirs.Contains(r.ThreadId)).ExecuteDeleteAsync(cancellationToken);
        await db.GroupThreads.Where(t => t.AuthorId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.AuthorId, tombstone.Id)
            .SetProperty(t => t.Title, "")
            .SetProperty(t => t.Body, "")
            .SetProperty(t => t.RemovedReason, (string?)null)
            .SetProperty(t => t.ReplyCount, 0)
            .SetProperty(t => t.LikeCount, 0)
            .SetProperty(t => t.DeletedAt, t => t.DeletedAt ?? now), cancellationToken);
    }

    private static async Task EraseRepliesAsync(AppDbContext db, string userId, AppUser tombstone, DateTime now, CancellationToken cancellationToken)
    {
        var live = db.GroupReplies.Where(r => r.AuthorId == userId && r.DeletedAt == null && r.RemovedAt == null);
        await db.GroupThreads.Where(t => live.Any(r => r.ThreadId == t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, t => t.ReplyCount - live.Count(r => r.ThreadId == t.Id)), cancellationToken);
        await db.GroupThreads.Where(t => t.AcceptedReplyId != null && db.GroupReplies.Any(r => r.Id == t.AcceptedReplyId && r.AuthorId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AcceptedReplyId, (long?)null), cancellationToken);
        await db.GroupReplyLikes.Where(l => db.GroupReplies.Any(r => r.Id == l.ReplyId && r.AuthorId == userId)).ExecuteDeleteAsync(cancellationToken);
        await db.GroupReplies.Where(r => r.AuthorId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.AuthorId, tombstone.Id)
            .SetProperty(r => r.Body, "")
            .SetProperty(r => r.RemovedReason, (string?)null)
            .SetProperty(r => r.LikeCount, 0)
            .SetProperty(r => r.DeletedAt, r => r.DeletedAt ?? now), cancellationToken);
    }
}
