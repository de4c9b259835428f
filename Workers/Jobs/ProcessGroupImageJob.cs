using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Turns an uploaded group avatar into the square avatar sizes, or a cover into the photo widths, and
/// points the group at them. Safe to run twice: the original is deleted once the group is saved, and a
/// run that finds no original does nothing. A group keeps its old picture when the upload is unusable.
/// </summary>
public class ProcessGroupImageJob(AppDbContext db, IFileStore files, UploadInspector inspector, PhotoProcessor processor, ILogger<ProcessGroupImageJob> logger)
{
    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public async Task RunAsync(long groupId, string originalKey, bool cover, CancellationToken cancellationToken)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null) return;
        await using (var original = await files.OpenReadAsync(originalKey, cancellationToken))
        {
            if (original is null) return;
            if ((await inspector.InspectAsync(original, cancellationToken)).IsAcceptable && Process(original, cover, groupId) is { } processed)
            {
                foreach (var output in processed.Outputs)
                {
                    var key = cover
                        ? NotePhoto.PublicKey(processed.ContentHash, output.Width, output.Extension)
                        : ProcessAvatarJob.PublicKey(processed.ContentHash, output.Width, output.Extension);
                    await files.SaveAsync(key, new MemoryStream(output.Content, writable: false), cancellationToken);
                }
                if (cover) group.SetCover(processed.ContentHash, processed.Widths);
                else group.SetAvatar(processed.ContentHash);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await files.DeleteAsync(originalKey, cancellationToken);
    }

    private ProcessedPhoto? Process(Stream original, bool cover, long groupId)
    {
        try
        {
            return cover ? processor.Process(original) : processor.ProcessAvatar(original);
        }
        catch (Exception ex) when (AcceptedImages.IsBadImage(ex))
        {
            logger.LogWarning(ex, "A picture of group {GroupId} could not be decoded", groupId);
            return null;
        }
    }
}
