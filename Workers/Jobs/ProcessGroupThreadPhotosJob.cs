using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Notes;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Makes the public sizes of a thread's photos, the same sizes and names as note photos. Safe to run
/// twice: ready and failed photos are skipped, each is saved as soon as it is done, the outputs are deterministic.
/// </summary>
public class ProcessGroupThreadPhotosJob(AppDbContext db, IFileStore files, UploadInspector inspector, PhotoProcessor processor, ILogger<ProcessGroupThreadPhotosJob> logger)
{
    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public async Task RunAsync(long threadId, CancellationToken cancellationToken)
    {
        var pending = await db.GroupThreadPhotos.Where(p => p.ThreadId == threadId && !p.IsReady && !p.IsFailed)
            .OrderBy(p => p.Position).ToListAsync(cancellationToken);
        foreach (var photo in pending)
        {
            if (await ProcessAsync(photo, cancellationToken) is { } processed)
            {
                foreach (var output in processed.Outputs)
                    await files.SaveAsync(NotePhoto.PublicKey(processed.ContentHash, output.Width, output.Extension), new MemoryStream(output.Content, writable: false), cancellationToken);
                photo.MarkReady(processed.Width, processed.Height, processed.DominantColor, processed.ContentHash, processed.Widths);
            }
            else photo.MarkFailed();
            await db.SaveChangesAsync(cancellationToken);
            if (photo.IsReady) await files.DeleteAsync(photo.OriginalKey, cancellationToken);
        }
    }

    /// <summary>The demo seed's photos: the bulk queue, behind members' own uploads.</summary>
    [Queue(Queues.Bulk)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public Task RunInBulkAsync(long threadId, CancellationToken cancellationToken) => RunAsync(threadId, cancellationToken);

    private async Task<ProcessedPhoto?> ProcessAsync(GroupThreadPhoto photo, CancellationToken cancellationToken)
    {
        await using var original = await files.OpenReadAsync(photo.OriginalKey, cancellationToken);
        if (original is null || !(await inspector.InspectAsync(original, cancellationToken)).IsAcceptable) return null;
        try
        {
            return processor.Process(original);
        }
        catch (Exception ex) when (AcceptedImages.IsBadImage(ex))
        {
            logger.LogWarning(ex, "Thread photo {PhotoId} could not be decoded", photo.Id);
            return null;
        }
    }
}
