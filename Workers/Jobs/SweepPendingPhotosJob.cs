using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Recurring safety net for note photos: a node that died between saving a note and enqueueing its
/// photo job leaves the photos Pending with no job to make them. When the images and bulk queues have
/// drained (so a backlog, such as demo seeding, is not doubled), notes with photos still Pending a while after
/// their last save get their job again; the job skips photos already done, so a repeat costs nothing.
/// </summary>
public class SweepPendingPhotosJob(AppDbContext db, IBackgroundJobClient jobs, JobStorage storage, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);
    public const int BatchSize = 100;

    [Queue(Queues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var queues = storage.GetMonitoringApi();
        if (queues.EnqueuedCount(Queues.Images) > 0 || queues.EnqueuedCount(Queues.Bulk) > 0) return 0;
        var savedBefore = clock.GetUtcNow().UtcDateTime - Grace;
        var noteIds = await db.NotePhotos
            .Where(p => p.Status == PhotoStatus.Pending)
            .Join(db.Notes.Where(n => n.Status != NoteStatus.Deleted && n.UpdatedAt < savedBefore), p => p.NoteId, n => n.Id, (p, n) => n.Id)
            .Distinct().OrderBy(id => id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var noteId in noteIds)
            jobs.Enqueue<ProcessNotePhotosJob>(job => job.RunAsync(noteId, CancellationToken.None));
        return noteIds.Count;
    }
}
