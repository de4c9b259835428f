using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Social;

/// <summary>
/// Likes and the stored count change together in one transaction, and only when the like row was
/// really added or removed, so a double click or a retry never counts twice.
/// </summary>
public static class NoteLikes
{
    /// <returns>True when this call added the like.</returns>
    public static async Task<bool> LikeAsync(AppDbContext db, long noteId, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int added;
        try
        {
            added = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "NoteLikes" ("NoteId", "UserId", "CreatedAt") SELECT {noteId}, {userId}, {now} WHERE NOT EXISTS (SELECT 1 FROM "NoteLikes" WHERE "NoteId" = {noteId} AND "UserId" = {userId})""",
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
            await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => n.LikeCount + 1), cancellationToken);
            var authorId = await db.Notes.Where(n => n.Id == noteId).Select(n => n.AuthorId).SingleAsync(cancellationToken);
            await Notifier.NotifyAsync(db, Notification.About(NotificationKind.Like, authorId, userId, noteId, null, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return added == 1;
    }

    /// <returns>True when this call removed the like.</returns>
    public static async Task<bool> UnlikeAsync(AppDbContext db, long noteId, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.NoteLikes.Where(l => l.NoteId == noteId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
            await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => n.LikeCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }
}
