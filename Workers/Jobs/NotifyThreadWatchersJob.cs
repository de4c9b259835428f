using Hangfire;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Tells a thread's watchers of a new reply, one batch per run (GroupNotices.WatcherBatch), each run
/// enqueueing the next: a thread with 10,000 watchers costs the reply one enqueue. Safe to run twice:
/// the notifications' unique key and the "already told" check make a repeated batch add nothing.
/// </summary>
public class NotifyThreadWatchersJob(AppDbContext db, IBackgroundJobClient jobs)
{
    [Queue(Queues.Bulk)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 300, 1800, 3600, 7200])]
    public async Task RunAsync(long replyId, string? afterUserId, CancellationToken cancellationToken)
    {
        var last = await GroupNotices.NotifyWatchersAsync(db, replyId, afterUserId, cancellationToken: cancellationToken);
        if (last is not null) jobs.Enqueue<NotifyThreadWatchersJob>(job => job.RunAsync(replyId, last, CancellationToken.None));
    }
}
