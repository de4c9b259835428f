using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Removes the files of what is gone from groups: photos of deleted threads (and of every thread in a
/// deleted group), and a deleted group's avatar and cover. Files first, then rows, a batch at a time,
/// so a run that dies is finished by the next; deleting what is already gone is not an error.
/// </summary>
public class DeleteGroupPhotosJob(AppDbContext db, IFileStore files)
{
    private const int Batch = 200;

    [Queue(Queues.Bulk)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 7200])]
    [DisableConcurrentExecution(timeoutInSeconds: 1800)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var photos = await db.GroupThreadPhotos
                .Where(p => db.GroupThreads.Any(t => t.Id == p.ThreadId && (t.DeletedAt != null || db.Groups.Any(g => g.Id == t.GroupId && g.DeletedAt != null))))
                .OrderBy(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
            if (photos.Count == 0) break;
            foreach (var photo in photos)
            {
                await files.DeleteAsync(photo.OriginalKey, cancellationToken);
                if (photo.ContentHash is { } hash && !await InUseAsync(hash, photo.Id, cancellationToken))
                    foreach (var key in PhotoProcessor.PublicKeys(hash, photo.WidthList)) await files.DeleteAsync(key, cancellationToken);
            }
            db.GroupThreadPhotos.RemoveRange(photos);
            await db.SaveChangesAsync(cancellationToken);
        }
        var pictures = await db.Groups.Where(g => g.DeletedAt != null && (g.AvatarKey != null || g.CoverKey != null)).ToListAsync(cancellationToken);
        foreach (var group in pictures)
        {
            if (group.AvatarKey is { } avatar)
                foreach (var size in PhotoProcessor.AvatarSizes)
                    foreach (var extension in new[] { PhotoProcessor.WebpExtension, PhotoProcessor.JpegExtension })
                        await files.DeleteAsync(ProcessAvatarJob.PublicKey(avatar, size, extension), cancellationToken);
            if (group.CoverKey is { } cover)
                foreach (var key in PhotoProcessor.PublicKeys(cover, group.CoverWidthList)) await files.DeleteAsync(key, cancellationToken);
            group.SetAvatar(null);
            group.SetCover(null, null);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The same upload in two places gives the same public files: they stay while a note or another thread shows them.</summary>
    private async Task<bool> InUseAsync(string contentHash, long photoId, CancellationToken cancellationToken) =>
        await db.NotePhotos.AnyAsync(p => p.ContentHash == contentHash, cancellationToken)
        || await db.GroupThreadPhotos.AnyAsync(p => p.ContentHash == contentHash && p.Id != photoId, cancellationToken);
}
