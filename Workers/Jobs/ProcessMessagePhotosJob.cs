using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;
using RedMvc.Domain.Messages;
using RedMvc.Domain.Notes;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Makes the public sizes of a message's pending photos, with the same files and names as note photos.
/// Safe to run twice: Ready and Failed photos are skipped, each photo is saved as soon as it is done,
/// and the outputs are deterministic. A message erased meanwhile has no photos left to find.
/// </summary>
public class ProcessMessagePhotosJob(AppDbContext db, IFileStore files, UploadInspector inspector, PhotoProcessor processor, ILogger<ProcessMessagePhotosJob> logger)
{
    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public async Task RunAsync(long messageId, CancellationToken cancellationToken)
    {
        var pending = await db.MessagePhotos
            .Where(p => p.MessageId == messageId && p.Status == PhotoStatus.Pending)
            .OrderBy(p => p.Position)
            .ToListAsync(cancellationToken);
        foreach (var photo in pending)
        {
            await ProcessAsync(photo, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task ProcessAsync(MessagePhoto photo, CancellationToken cancellationToken)
    {
        await using var original = await files.OpenReadAsync(photo.OriginalKey, cancellationToken);
        if (original is null || !(await inspector.InspectAsync(original, cancellationToken)).IsAcceptable)
        {
            photo.MarkFailed();
            return;
        }
        ProcessedPhoto processed;
        try
        {
            processed = processor.Process(original);
        }
        catch (Exception ex) when (AcceptedImages.IsBadImage(ex))
        {
            logger.LogWarning(ex, "Message photo {PhotoId} could not be decoded", photo.Id);
            photo.MarkFailed();
            return;
        }
        foreach (var output in processed.Outputs)
            await files.SaveAsync(NotePhoto.PublicKey(processed.ContentHash, output.Width, output.Extension), new MemoryStream(output.Content, writable: false), cancellationToken);
        photo.MarkReady(processed.Width, processed.Height, processed.DominantColor, processed.ContentHash, processed.Widths);
    }
}
