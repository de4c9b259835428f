using Hangfire;
using Microsoft.Extensions.Hosting;
using RedMvc.Workers.Jobs;

namespace RedMvc.Workers.Hosting;

/// <summary>Registers every recurring job once at start-up, by stable id.</summary>
public class RecurringJobsRegistrar(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<SweepEmailOutboxJob>(JobIds.SweepEmailOutbox, Queues.Email,
            job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<PublishScheduledNotesJob>(JobIds.PublishDueNotes, Queues.Critical,
            job => job.PublishAllDueAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<RecomputeCountsJob>(JobIds.RecomputeCounts, Queues.Default,
            job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
