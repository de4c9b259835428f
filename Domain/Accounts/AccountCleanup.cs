using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Social;

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
        foreach (var noteId in await db.NoteLikes.Where(l => l.UserId == userId).Select(l => l.NoteId).ToListAsync(cancellationToken))
            await NoteLikes.UnlikeAsync(db, noteId, userId, cancellationToken);
    }
}
