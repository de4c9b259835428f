using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Removes the files and rows of a deleted note's photos. Safe to run twice: files are deleted
/// before rows, and deleting what is already gone is not an error. Does nothing unless the note is Deleted.
/// </summary>
public class DeleteNotePhotosJob(AppDbContext db, IFileStore files)
{
    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 300, 1800, 3600, 7200])]
    public async Task RunAsync(long noteId, CancellationToken cancellationToken)
    {
        var status = await db.Notes.Where(n => n.Id == noteId).Select(n => (NoteStatus?)n.Status).SingleOrDefaultAsync(cancellationToken);
        if (status != NoteStatus.Deleted) return;

        var photos = await db.NotePhotos.Where(p => p.NoteId == noteId).ToListAsync(cancellationToken);
        foreach (var photo in photos)
        {
            await files.DeleteAsync(photo.OriginalKey, cancellationToken);
            if (photo.ContentHash is not null && !await UsedByAnotherNoteAsync(photo.ContentHash, noteId, cancellationToken))
                foreach (var key in PhotoProcessor.PublicKeys(photo.ContentHash, photo.WidthList))
                    await files.DeleteAsync(key, cancellationToken);
        }
        db.NotePhotos.RemoveRange(photos);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The same original uploaded twice gives the same public files; they stay while any other note shows them.</summary>
    private Task<bool> UsedByAnotherNoteAsync(string contentHash, long noteId, CancellationToken cancellationToken) =>
        db.NotePhotos.AnyAsync(p => p.ContentHash == contentHash && p.NoteId != noteId, cancellationToken);
}
