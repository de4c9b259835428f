using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Workers.Accounts;
using RedMvc.Workers.Email;
using RedMvc.Workers.Files;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Builds a member's data export (a zip in the file store) and mails them its link. The export's row
/// is the source of truth: a run for an export already made only makes sure the mail is queued (the
/// outbox key keeps it to one), so running twice is safe. SweepAsync, hourly, deletes expired zips
/// and re-enqueues exports whose job was lost.
/// </summary>
public class ExportMemberDataJob(
    AppDbContext db,
    MemberDataArchive archive,
    IFileStore files,
    AccountEmails emails,
    IBackgroundJobClient jobs,
    SiteLinks links,
    TimeProvider clock)
{
    /// <summary>A pending export older than this lost its job (a restart, a full queue): the sweeper starts another.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(30);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string LinkPath(string key) => $"/settings/data/{key}";

    [Queue(Queues.Bulk)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 600, 3600])]
    public async Task RunAsync(string userId, CancellationToken cancellationToken)
    {
        var export = await DataExports.FindAsync(db, userId, cancellationToken);
        if (export is null || export.FileRemoved || export.HasExpired(Now)) return;
        if (export.PreviousKey is { } previous) await files.DeleteAsync(DataExport.FileKeyOf(previous), cancellationToken);

        if (export.IsPending)
        {
            if (!await BuildAsync(userId, export.FileKey, cancellationToken)) return;
            var ready = await DataExports.MarkReadyAsync(db, userId, export.Key, Now, cancellationToken);
            if (ready is null)
            {
                // The account was erased (or the request replaced) while the zip was being made.
                await files.DeleteAsync(export.FileKey, cancellationToken);
                return;
            }
            export = ready;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.Email is null) return;
        var link = links.Absolute(LinkPath(export.Key));
        await emails.DataExportReadyAsync(user, link, export.Key, export.ExpiresAt!.Value);
    }

    /// <returns>The number of exports it acted on (zips deleted plus jobs re-enqueued).</returns>
    [Queue(Queues.Bulk)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var acted = 0;
        foreach (var (userId, export) in await DataExports.AllAsync(db, cancellationToken))
        {
            if (export.IsPending && Now - export.RequestedAt > StuckAfter && Now < export.NextRequestAt)
            {
                jobs.Enqueue<ExportMemberDataJob>(job => job.RunAsync(userId, CancellationToken.None));
                acted++;
            }
            else if (export.HasExpired(Now) && !export.FileRemoved)
            {
                await files.DeleteAsync(export.FileKey, cancellationToken);
                await DataExports.MarkFileRemovedAsync(db, userId, export.Key, cancellationToken);
                acted++;
            }
        }
        return acted;
    }

    /// <summary>Written to a temporary file first (exports can be large), then saved to the store in one move.</summary>
    private async Task<bool> BuildAsync(string userId, string fileKey, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"redmvc-export-{Guid.NewGuid():N}.zip");
        try
        {
            await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            if (!await archive.WriteAsync(userId, file, Now, cancellationToken)) return false;
            file.Position = 0;
            await files.SaveAsync(fileKey, file, cancellationToken);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
