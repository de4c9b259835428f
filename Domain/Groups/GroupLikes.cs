using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Groups;

/// <summary>Likes on threads and replies: the row and the stored count change together, only when the row really changed.</summary>
public static class GroupLikes
{
    /// <returns>True when this call added the like.</returns>
    public static async Task<bool> LikeThreadAsync(AppDbContext db, GroupThread thread, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await InsertAsync(db, transaction, $"""INSERT INTO "GroupThreadLikes" ("ThreadId", "UserId", "CreatedAt") SELECT {thread.Id}, {userId}, {now} WHERE NOT EXISTS (SELECT 1 FROM "GroupThreadLikes" WHERE "ThreadId" = {thread.Id} AND "UserId" = {userId})""", cancellationToken))
            return false;
        await db.GroupThreads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LikeCount, t => t.LikeCount + 1), cancellationToken);
        await Notifier.NotifyAsync(db, Notification.AboutGroup(NotificationKind.ThreadLike, thread.AuthorId, userId, thread.GroupId, thread.Id, null, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<bool> UnlikeThreadAsync(AppDbContext db, long threadId, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.GroupThreadLikes.Where(l => l.ThreadId == threadId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
            await db.GroupThreads.Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LikeCount, t => t.LikeCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }

    public static async Task<bool> LikeReplyAsync(AppDbContext db, GroupThread thread, GroupReply reply, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await InsertAsync(db, transaction, $"""INSERT INTO "GroupReplyLikes" ("ReplyId", "UserId", "CreatedAt") SELECT {reply.Id}, {userId}, {now} WHERE NOT EXISTS (SELECT 1 FROM "GroupReplyLikes" WHERE "ReplyId" = {reply.Id} AND "UserId" = {userId})""", cancellationToken))
            return false;
        await db.GroupReplies.Where(r => r.Id == reply.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LikeCount, r => r.LikeCount + 1), cancellationToken);
        await Notifier.NotifyAsync(db, Notification.AboutGroup(NotificationKind.GroupReplyLike, reply.AuthorId, userId, thread.GroupId, thread.Id, reply.Id, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static async Task<bool> UnlikeReplyAsync(AppDbContext db, long replyId, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.GroupReplyLikes.Where(l => l.ReplyId == replyId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
            await db.GroupReplies.Where(r => r.Id == replyId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LikeCount, r => r.LikeCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }

    private static async Task<bool> InsertAsync(AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, FormattableString insert, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.ExecuteSqlInterpolatedAsync(insert, cancellationToken) == 1;
        }
        catch (DbException)
        {
            // Two clicks raced past NOT EXISTS and the key refused the second: it is already liked.
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }
}
