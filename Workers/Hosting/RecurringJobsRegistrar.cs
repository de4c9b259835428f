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
        recurringJobs.AddOrUpdate<RollupDailyStatsJob>(JobIds.RollupDailyStats, Queues.Default,
            job => job.RunAsync(CancellationToken.None), "7 * * * *");
        // Every five seconds (Hangfire takes six-part cron with seconds): a new or changed note is found within seconds.
        recurringJobs.AddOrUpdate<SearchIndexJob>(JobIds.UpdateSearchIndex, Queues.Default,
            job => job.DrainAsync(CancellationToken.None), "*/5 * * * * *");
        recurringJobs.AddOrUpdate<ComputeHotSearchesJob>(JobIds.ComputeHotSearches, Queues.Default,
            job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurringJobs.AddOrUpdate<MailNotificationsJob>(JobIds.MailNotifications, Queues.Email,
            job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        // Digest hours fall on the hour, or on the half or three-quarter hour in zones that are offset so.
        recurringJobs.AddOrUpdate<MailNotificationsJob>(JobIds.DailyDigests, Queues.Email,
            job => job.DailyDigestsAsync(CancellationToken.None), "*/15 * * * *");
        recurringJobs.AddOrUpdate<WeeklyDigestJob>(JobIds.WeeklyDigest, Queues.Bulk,
            job => job.RunAsync(CancellationToken.None), Cron.Hourly());
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
