using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Recurring safety net: re-enqueues outbox rows left unsent (a lost enqueue, a crash, a worker
/// restart), backing off after failures and giving up after EmailOutboxMessage.MaxAttempts.
/// </summary>
public class SweepEmailOutboxJob(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RetryBackoff = TimeSpan.FromMinutes(5);
    public const int BatchSize = 200;

    [Queue(Queues.Email)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var createdBefore = now - Grace;
        var attemptedBefore = now - RetryBackoff;
        var ids = await db.EmailOutbox
            .Where(m => m.SentAt == null && m.Attempts < EmailOutboxMessage.MaxAttempts && m.CreatedAt < createdBefore)
            .Where(m => m.LockedUntil == null || m.LockedUntil < now)
            .Where(m => m.LastAttemptAt == null || m.LastAttemptAt < attemptedBefore)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
            jobs.Enqueue<SendEmailJob>(job => job.RunAsync(id, CancellationToken.None));
        return ids.Count;
    }
}
