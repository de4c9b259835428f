using Hangfire;

namespace RedMvc.Workers.Tests;

public class SweepPendingPhotosJobTests
{
    [Fact]
    public async Task A_note_whose_photo_job_was_lost_gets_it_again_once_the_images_queue_has_drained()
    {
        await using var host = await WorkersHost.StartAsync();
        var (lost, fresh) = await host.Services.WithDbAsync(async db =>
        {
            var author = await db.AddMemberAsync();
            var lostNote = await db.PublishNoteAsync(author.Id, "丢了任务的笔记");
            var freshNote = await db.PublishNoteAsync(author.Id, "刚发的笔记");
            await db.Notes.Where(n => n.Id == lostNote.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.UpdatedAt, DateTime.UtcNow.AddMinutes(-10)));
            return (lostNote.Id, freshNote.Id);
        });
        var monitor = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Task<int> SweepAsync() => host.InScopeAsync(sp => sp.GetRequiredService<SweepPendingPhotosJob>().RunAsync(CancellationToken.None));

        Assert.Equal(0, monitor.EnqueuedCount(Queues.Images));
        Assert.Equal(1, await SweepAsync());
        var queued = Assert.Single(monitor.EnqueuedJobs(Queues.Images, 0, 10));
        Assert.Equal(lost, (long)queued.Value.Job.Args[0]);
        Assert.NotEqual(lost, fresh);

        // While the queue still holds work, a sweep adds nothing: a backlog is never doubled.
        Assert.Equal(0, await SweepAsync());
        Assert.Equal(1, monitor.EnqueuedCount(Queues.Images));
    }

    [Fact]
    public async Task While_bulk_photos_wait_a_sweep_adds_nothing()
    {
        await using var host = await WorkersHost.StartAsync();
        var lost = await host.Services.WithDbAsync(async db =>
        {
            var author = await db.AddMemberAsync();
            var note = await db.PublishNoteAsync(author.Id, "丢了任务的笔记");
            await db.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.UpdatedAt, DateTime.UtcNow.AddMinutes(-10)));
            return note.Id;
        });
        host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProcessNotePhotosJob>(job => job.RunInBulkAsync(lost, CancellationToken.None));

        var swept = await host.InScopeAsync(sp => sp.GetRequiredService<SweepPendingPhotosJob>().RunAsync(CancellationToken.None));

        Assert.Equal(0, swept);
        Assert.Equal(0, host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount(Queues.Images));
    }
}
