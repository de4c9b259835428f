using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Removes the public files of an avatar (or shop logo: the same files) that nobody shows any more,
/// after an account is erased. The names are content hashes, so a file stays while any member or
/// shop still uses it. Safe to run twice: deleting what is gone is not an error.
/// </summary>
public class DeleteAvatarFilesJob(AppDbContext db, IFileStore files)
{
    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 300, 1800, 3600, 7200])]
    public async Task RunAsync(string avatarKey, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.AvatarKey == avatarKey, cancellationToken)
            || await db.Shops.AnyAsync(s => s.LogoKey == avatarKey, cancellationToken)) return;
        foreach (var size in PhotoProcessor.AvatarSizes)
            foreach (var extension in new[] { PhotoProcessor.WebpExtension, PhotoProcessor.JpegExtension })
                await files.DeleteAsync(ProcessAvatarJob.PublicKey(avatarKey, size, extension), cancellationToken);
    }
}
