using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Ranking;
using RedMvc.Workers.Jobs;

namespace RedMvc.Workers.Hosting;

/// <summary>Registers every recurring job once at start-up, by stable id.</summary>
public class RecurringJobsRegistrar(IRecurringJobManager recurringJobs, IOptions<RankingOptions> ranking) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<SweepEmailOutboxJob>(JobIds.SweepEmailOutbox, Queues.Email,
            job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<PublishScheduledNotesJob>(JobIds.PublishDueNotes, Queues.Critical,
            job => job.PublishAllDueAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<RecomputeCountsJob>(JobIds.RecomputeCounts, Queues.Default,
            job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
        recurringJobs.AddOrUpdate<ComputeTrendsJob>(JobIds.ComputeTrends, Queues.Default,
            job => job.RunAsync(CancellationToken.None), $"*/{Math.Clamp(ranking.Value.TrendsEveryMinutes, 1, 59)} * * * *");
        recurringJobs.AddOrUpdate<SweepOrdersJob>(JobIds.SweepOrders, Queues.Default,
            job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        recurringJobs.AddOrUpdate<SweepPendingPhotosJob>(JobIds.SweepPendingPhotos, Queues.Default,
            job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        recurringJobs.AddOrUpdate<ExportMemberDataJob>(JobIds.SweepDataExports, Queues.Bulk,
            job => job.SweepAsync(CancellationToken.None), Cron.Hourly());
        recurringJobs.AddOrUpdate<GroupActivityJob>(JobIds.GroupActivity, Queues.Default,
            job => job.RefreshAsync(CancellationToken.None), "*/10 * * * *");
        recurringJobs.AddOrUpdate<GroupActivityJob>(JobIds.GroupRecount, Queues.Default,
            job => job.RecountAsync(CancellationToken.None), Cron.Daily(3, 30));
        recurringJobs.AddOrUpdate<DeleteGroupPhotosJob>(JobIds.DeleteGroupPhotos, Queues.Bulk,
            job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
