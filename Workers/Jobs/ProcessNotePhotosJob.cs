using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Makes the public sizes of a note's pending photos. Safe to run twice: Ready and Failed photos are
/// skipped, each photo is saved as soon as it is done (a re-run after a crash finishes the rest),
/// and the outputs are deterministic, so repeating a photo rewrites the same files.
/// </summary>
public class ProcessNotePhotosJob(AppDbContext db, IFileStore files, UploadInspector inspector, PhotoProcessor processor, ILogger<ProcessNotePhotosJob> logger)
{
    public const string MissingReason = "Photo.Failed.Missing";

    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public async Task RunAsync(long noteId, CancellationToken cancellationToken)
    {
        var status = await db.Notes.Where(n => n.Id == noteId).Select(n => (NoteStatus?)n.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null or NoteStatus.Deleted) return;

        var pending = await db.NotePhotos
            .Where(p => p.NoteId == noteId && p.Status == PhotoStatus.Pending)
            .OrderBy(p => p.Position)
            .ToListAsync(cancellationToken);
        foreach (var photo in pending)
        {
            var saved = await ProcessAsync(photo, cancellationToken);
            await SaveOrCleanUpAsync(photo, saved, cancellationToken);
        }
    }

    /// <summary>
    /// The same work for photos nobody waits on at the screen (demo content, reprocessing): the bulk
    /// queue, which every server takes after the images queue, so a member's upload never waits behind them.
    /// </summary>
    [Queue(Queues.Bulk)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public Task RunInBulkAsync(long noteId, CancellationToken cancellationToken) => RunAsync(noteId, cancellationToken);

    /// <summary>Marks the photo Ready or Failed; returns the public keys written for it.</summary>
    private async Task<IReadOnlyList<string>> ProcessAsync(NotePhoto photo, CancellationToken cancellationToken)
    {
        await using var original = await files.OpenReadAsync(photo.OriginalKey, cancellationToken);
        if (original is null)
        {
            photo.MarkFailed(MissingReason);
            return [];
        }
        // The upload was inspected already; this guards against a file changed or damaged since.
        var inspection = await inspector.InspectAsync(original, cancellationToken);
        if (!inspection.IsAcceptable)
        {
            photo.MarkFailed(FailureReason(inspection.Problem));
            return [];
        }
        ProcessedPhoto processed;
        try
        {
            processed = processor.Process(original);
        }
        catch (Exception ex) when (AcceptedImages.IsBadImage(ex))
        {
            logger.LogWarning(ex, "Photo {PhotoId} could not be decoded", photo.Id);
            photo.MarkFailed(FailureReason(UploadProblem.Corrupt));
            return [];
        }
        return await SaveOutputsAsync(photo, processed, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> SaveOutputsAsync(NotePhoto photo, ProcessedPhoto processed, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        foreach (var output in processed.Outputs)
        {
            var key = NotePhoto.PublicKey(processed.ContentHash, output.Width, output.Extension);
            await files.SaveAsync(key, new MemoryStream(output.Content, writable: false), cancellationToken);
            keys.Add(key);
        }
        photo.MarkReady(processed.Width, processed.Height, processed.DominantColor, processed.ContentHash, processed.Widths);
        return keys;
    }

    /// <summary>
    /// Saves the photo's new state. When its row is gone (the author removed the photo or deleted
    /// the note meanwhile) the files just written would belong to nobody, so they are removed unless
    /// another photo has the same content.
    /// </summary>
    private async Task SaveOrCleanUpAsync(NotePhoto photo, IReadOnlyList<string> savedKeys, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(photo).State = EntityState.Detached;
            var shared = await db.NotePhotos.AnyAsync(p => p.ContentHash == photo.ContentHash, cancellationToken);
            if (!shared)
                foreach (var key in savedKeys) await files.DeleteAsync(key, cancellationToken);
        }
    }

    public static string FailureReason(UploadProblem problem) => $"Photo.Failed.{problem}";
}
