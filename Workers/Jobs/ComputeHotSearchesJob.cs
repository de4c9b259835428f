using Hangfire;
using RedMvc.Domain.Data;
using RedMvc.Domain.Search;

namespace RedMvc.Workers.Jobs;

/// <summary>Recomputes the hot-search list from the last day's searches (SearchHistory.ComputeHotAsync).</summary>
public class ComputeHotSearchesJob(AppDbContext db, TimeProvider clock)
{
    [Queue(Queues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        SearchHistory.ComputeHotAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
