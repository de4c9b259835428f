using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Social;

/// <summary>Likes on comments: the row and the comment's stored count change together, only when the row really changed.</summary>
public static class CommentLikes
{
    /// <returns>True when this call added the like.</returns>
    public static async Task<bool> LikeAsync(AppDbContext db, long commentId, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int added;
        try
        {
            added = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "CommentLikes" ("CommentId", "UserId", "CreatedAt") SELECT {commentId}, {userId}, {now} WHERE NOT EXISTS (SELECT 1 FROM "CommentLikes" WHERE "CommentId" = {commentId} AND "UserId" = {userId})""",
                cancellationToken);
        }
        catch (DbException)
        {
            // Two clicks raced past NOT EXISTS and the key refused the second: it is already liked.
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
        if (added == 1)
        {
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount + 1), cancellationToken);
            var comment = await db.Comments.Where(c => c.Id == commentId).Select(c => new { c.AuthorId, c.NoteId }).SingleAsync(cancellationToken);
            await Notifier.NotifyAsync(db, Notification.About(NotificationKind.CommentLike, comment.AuthorId, userId, comment.NoteId, commentId, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return added == 1;
    }

    /// <returns>True when this call removed the like.</returns>
    public static async Task<bool> UnlikeAsync(AppDbContext db, long commentId, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.CommentLikes.Where(l => l.CommentId == commentId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }
}
