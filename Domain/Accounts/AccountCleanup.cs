using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Accounts;

/// <summary>
/// Rows that point at a person without cascading (SQL Server allows one cascade path per row)
/// are removed before the account is deleted.
/// </summary>
public static class AccountCleanup
{
    public static async Task RemoveReferencesAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        await db.NoteMentions.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Follows.Where(f => f.FolloweeId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Blocks.Where(b => b.BlockedId == userId).ExecuteDeleteAsync(cancellationToken);
        // A leaving member's threads go with them: replies under their comments, then their comments.
        var theirs = db.Comments.Where(c => c.AuthorId == userId).Select(c => c.Id);
        await db.Comments.Where(c => c.ParentId != null && theirs.Contains(c.ParentId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.Comments.Where(c => c.AuthorId == userId && c.ParentId != null).ExecuteDeleteAsync(cancellationToken);
        await db.Comments.Where(c => c.AuthorId == userId).ExecuteDeleteAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Notes.Where(n => db.NoteLikes.Any(l => l.NoteId == n.Id && l.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => n.LikeCount - 1), cancellationToken);
        await db.NoteLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notes.Where(n => db.Collects.Any(c => c.NoteId == n.Id && c.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => n.CollectCount - 1), cancellationToken);
        await db.Collects.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Comments.Where(c => db.CommentLikes.Any(l => l.CommentId == c.Id && l.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount - 1), cancellationToken);
        await db.CommentLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Others' collects of and not-interested marks on the leaving member's notes go with the notes.
        var theirNotes = db.Notes.Where(n => n.AuthorId == userId).Select(n => n.Id);
        await db.Collects.Where(c => theirNotes.Contains(c.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.NotInterested.Where(n => theirNotes.Contains(n.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.ActorId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
