using Hangfire;
using RedMvc.Domain.Data;
using RedMvc.Domain.Search;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Keeps the search index in step: drains the search outbox every few seconds (one run at a time;
/// a run that fails leaves its rows for the next), and rebuilds everything on request.
/// </summary>
public class SearchIndexJob(AppDbContext db)
{
    /// <summary>At most this many batches per run, so one run never holds the lock for long.</summary>
    private const int MaxBatchesPerRun = 20;

    private static int _dictionaryLoaded;

    [Queue(Queues.Default)]
    // Runs start every 5 s whether or not the last one ended: one that finds the lock taken gives up at once
    // (and is deleted, not kept as failed) rather than hold a worker the other queues need while it waits.
    [DisableConcurrentExecution(timeoutInSeconds: 1)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)] // the next run finds the same rows
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _dictionaryLoaded, 1) == 0) await SearchIndexing.LoadUserDictionaryAsync(db, cancellationToken);
        var handled = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var rows = await SearchIndexing.DrainAsync(db, cancellationToken);
            if (rows == 0) break;
            handled += rows;
        }
        return handled;
    }

    [Queue(Queues.Bulk)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task<int> RebuildAsync(CancellationToken cancellationToken) => SearchIndexing.RebuildAsync(db, cancellationToken);
}
