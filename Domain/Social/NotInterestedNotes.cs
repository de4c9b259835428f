using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Social;

public static class NotInterestedNotes
{
    /// <summary>Marks the note; marking twice (or two racing clicks) leaves one row.</summary>
    public static async Task MarkAsync(AppDbContext db, string userId, long noteId, DateTime now, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "NotInterested" ("UserId", "NoteId", "CreatedAt") SELECT {userId}, {noteId}, {now} WHERE NOT EXISTS (SELECT 1 FROM "NotInterested" WHERE "UserId" = {userId} AND "NoteId" = {noteId})""",
                cancellationToken);
        }
        catch (DbException)
        {
            // A racing click inserted it first: the key refused the second, and the note is marked.
        }
    }
}
