using Hangfire;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Workers.Email;
using RedMvc.Workers.Files;
using RedMvc.Workers.Jobs;

namespace RedMvc.Workers.Accounts;

/// <summary>
/// A member closes their account: the erasure commits as one transaction, and only then the goodbye
/// mail is queued (through the outbox) and the files are handed to their jobs. A failure before the
/// commit changes nothing and is shown as a problem; a failure after it cannot bring the account back,
/// so it is logged and the outbox sweeper or the file jobs' retries finish the rest.
/// </summary>
public class AccountClosing(
    AppDbContext db,
    AccountEmails emails,
    IBackgroundJobClient jobs,
    IFileStore files,
    TimeProvider clock,
    ILogger<AccountClosing> logger)
{
    public const string FailedProblem = "Erasure.Error.Failed";

    /// <returns>Resource keys of the problems to show; empty when the account is gone.</returns>
    public async Task<IReadOnlyList<string>> CloseAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        ErasureResult result;
        try
        {
            result = await AccountErasure.EraseAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The transaction rolled back; what the context still tracks from it never happened.
            db.ChangeTracker.Clear();
            logger.LogError(ex, "Erasing account {UserId} failed and was rolled back", user.Id);
            return [FailedProblem];
        }
        if (result is ErasureResult.Refused refused) return refused.Problems;
        await AfterCommitAsync(user, ((ErasureResult.Erased)result).Account);
        return [];
    }

    private async Task AfterCommitAsync(AppUser user, ErasedAccount erased)
    {
        if (user.Email is not null)
            await TryAsync("queue the goodbye mail", () => emails.AccountDeletedAsync(user));
        foreach (var noteId in erased.NoteIds)
            await TryAsync("enqueue a note's photo removal", () => Task.FromResult(jobs.Enqueue<DeleteNotePhotosJob>(job => job.RunAsync(noteId, CancellationToken.None))));
        foreach (var key in new[] { erased.AvatarKey, erased.ShopLogoKey }.OfType<string>().Distinct())
            await TryAsync("enqueue the avatar removal", () => Task.FromResult(jobs.Enqueue<DeleteAvatarFilesJob>(job => job.RunAsync(key, CancellationToken.None))));
        // Private files nobody else can hold: removed right away.
        if (erased.PendingAvatarKey is { } pending) await TryAsync("delete the pending avatar", () => files.DeleteAsync(pending));
        if (erased.DataExportKey is { } export) await TryAsync("delete the data export", () => files.DeleteAsync(DataExport.FileKeyOf(export)));
    }

    private async Task TryAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "After an account was erased, could not {What}", what);
        }
    }
}
