using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Turns a member's uploaded avatar (AvatarPendingKey) into the public square sizes and points
/// AvatarKey at them. Safe to run twice: with nothing pending it does nothing, and the outputs are
/// deterministic. The original is deleted once the avatar is saved.
/// </summary>
public class ProcessAvatarJob(AppDbContext db, IFileStore files, UploadInspector inspector, PhotoProcessor processor, ILogger<ProcessAvatarJob> logger)
{
    public static string PublicKey(string avatarKey, int size, string extension) => $"avatars/{avatarKey}_{size}.{extension}";

    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public async Task RunAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.AvatarPendingKey is not { } pendingKey) return;

        var processed = await ProcessAsync(pendingKey, userId, cancellationToken);
        if (processed is not null)
        {
            foreach (var output in processed.Outputs)
                await files.SaveAsync(PublicKey(processed.ContentHash, output.Width, output.Extension), new MemoryStream(output.Content, writable: false), cancellationToken);
            user.AvatarKey = processed.ContentHash;
        }
        // A new upload may have replaced the pending one meanwhile: only clear the key this run handled.
        if (user.AvatarPendingKey == pendingKey) user.AvatarPendingKey = null;
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(pendingKey, cancellationToken);
    }

    /// <summary>Null when the original is gone or cannot be used: the member keeps the avatar they had.</summary>
    private async Task<ProcessedPhoto?> ProcessAsync(string pendingKey, string userId, CancellationToken cancellationToken)
    {
        await using var original = await files.OpenReadAsync(pendingKey, cancellationToken);
        if (original is null) return null;
        if (!(await inspector.InspectAsync(original, cancellationToken)).IsAcceptable) return null;
        try
        {
            return processor.ProcessAvatar(original);
        }
        catch (Exception ex) when (AcceptedImages.IsBadImage(ex))
        {
            logger.LogWarning(ex, "The avatar of {UserId} could not be decoded", userId);
            return null;
        }
    }
}
