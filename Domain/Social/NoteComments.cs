using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Social;

/// <summary>Adds and deletes comments with the note's stored comment count (and, for a new comment, its notifications) in the same transaction.</summary>
public static class NoteComments
{
    public static async Task AddAsync(AppDbContext db, Comment comment, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await db.Notes.Where(n => n.Id == comment.NoteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => n.CommentCount + 1), cancellationToken);
        // A held comment tells nobody until staff approve it (HeldPosts); it is counted at once, as a removed one stays counted until removal.
        if (comment.HeldAt is null) await NoteNotices.CommentAddedAsync(db, comment, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Safe to repeat: only the call that really deletes lowers the count.</summary>
    public static async Task DeleteAsync(AppDbContext db, long commentId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var noteId = await db.Comments.Where(c => c.Id == commentId).Select(c => c.NoteId).SingleAsync(cancellationToken);
        var deleted = await db.Comments.Where(c => c.Id == commentId && c.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DeletedAt, now).SetProperty(c => c.Body, ""), cancellationToken);
        if (deleted == 1)
            await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => n.CommentCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
