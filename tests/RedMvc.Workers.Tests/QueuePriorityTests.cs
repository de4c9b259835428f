using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using RedMvc.Workers.Files;
using RedMvc.Workers.Tests.Images;

namespace RedMvc.Workers.Tests;

/// <summary>Bulk work (demo photos, reprocessing) never holds up members' own uploads: through the real Hangfire servers and storage.</summary>
public class QueuePriorityTests
{
    private const int BulkNotes = 12;

    [Fact]
    public async Task A_members_photo_job_runs_before_the_bulk_photo_jobs_queued_ahead_of_it()
    {
        await using var host = await WorkersHost.StartAsync(new() { ["Workers:WorkerCount"] = "1", ["Workers:BulkWorkerCount"] = "1" }, jobServer: true);
        var (bulkNotes, memberNote) = await host.Services.WithDbAsync(async db =>
        {
            var author = await db.AddMemberAsync();
            var bulk = new List<long>();
            for (var i = 0; i < BulkNotes; i++) bulk.Add((await db.PublishNoteAsync(author.Id, $"示例 {i}")).Id);
            return (bulk, (await db.PublishNoteAsync(author.Id, "我的照片")).Id);
        });
        await SaveOriginalsAsync(host, TestImages.Jpeg(1200, 900)); // real work for every job, so none is over in a blink
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var bulkJobs = bulkNotes.Select(id => jobs.Enqueue<ProcessNotePhotosJob>(job => job.RunInBulkAsync(id, CancellationToken.None))).ToList();
        var memberJob = jobs.Enqueue<ProcessNotePhotosJob>(job => job.RunAsync(memberNote, CancellationToken.None));

        await host.RunJobServerAsync(); // one worker per server: the bulk jobs run one at a time
        var storage = host.Services.GetRequiredService<JobStorage>();
        var monitor = storage.GetMonitoringApi();
        await WaitUntilAsync(() => bulkJobs.Append(memberJob).All(id => Succeeded(storage, id)));

        var memberDone = StateAt(monitor, memberJob, SucceededState.StateName);
        var bulkStartedBefore = bulkJobs.Count(bulk => StateAt(monitor, bulk, ProcessingState.StateName) < memberDone);
        Assert.True(bulkStartedBefore <= 2, $"{bulkStartedBefore} of {BulkNotes} bulk jobs started before the member's job was done");
    }

    private static async Task SaveOriginalsAsync(WorkersHost host, byte[] photo)
    {
        var files = host.Services.GetRequiredService<IFileStore>();
        var keys = await host.Services.WithDbAsync(db => db.NotePhotos.Select(p => p.OriginalKey).ToListAsync());
        foreach (var key in keys) await files.SaveAsync(key, new MemoryStream(photo));
    }

    private static bool Succeeded(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name == SucceededState.StateName;
    }

    private static DateTime StateAt(IMonitoringApi monitor, string jobId, string state) =>
        monitor.JobDetails(jobId).History.Single(h => h.StateName == state).CreatedAt;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "the jobs did not finish");
    }
}
