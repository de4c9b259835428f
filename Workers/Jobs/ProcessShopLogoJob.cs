using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Turns an uploaded shop logo into the square avatar sizes (same files as an avatar) and points the
/// shop's LogoKey at them. Safe to run twice: the original is deleted once the logo is saved, and a
/// run that finds no original does nothing.
/// </summary>
public class ProcessShopLogoJob(AppDbContext db, IFileStore files, UploadInspector inspector, PhotoProcessor processor, ILogger<ProcessShopLogoJob> logger)
{
    [Queue(Queues.Images)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800])]
    public async Task RunAsync(long shopId, string originalKey, CancellationToken cancellationToken)
    {
        var shop = await db.Shops.SingleOrDefaultAsync(s => s.Id == shopId, cancellationToken);
        if (shop is null) return;
        await using (var original = await files.OpenReadAsync(originalKey, cancellationToken))
        {
            if (original is null) return;
            if ((await inspector.InspectAsync(original, cancellationToken)).IsAcceptable && Process(original, shopId) is { } processed)
            {
                foreach (var output in processed.Outputs)
                    await files.SaveAsync(ProcessAvatarJob.PublicKey(processed.ContentHash, output.Width, output.Extension), new MemoryStream(output.Content, writable: false), cancellationToken);
                shop.LogoKey = processed.ContentHash;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await files.DeleteAsync(originalKey, cancellationToken);
    }

    /// <summary>Null when the upload cannot be decoded: the shop keeps the logo it had.</summary>
    private ProcessedPhoto? Process(Stream original, long shopId)
    {
        try
        {
            return processor.ProcessAvatar(original);
        }
        catch (Exception ex) when (AcceptedImages.IsBadImage(ex))
        {
            logger.LogWarning(ex, "The logo of shop {ShopId} could not be decoded", shopId);
            return null;
        }
    }
}
