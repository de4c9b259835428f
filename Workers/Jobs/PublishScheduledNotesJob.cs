using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Publishes scheduled notes when their time comes: a delayed job per note for the exact minute,
/// and a recurring sweep that catches any the delayed job missed. Both are safe to repeat.
/// </summary>
public class PublishScheduledNotesJob(AppDbContext db, TimeProvider clock)
{
    [Queue(Queues.Critical)]
    public async Task<bool> PublishAsync(long noteId, CancellationToken cancellationToken)
    {
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken);
        if (note is null || !note.PublishIfDue(clock.GetUtcNow().UtcDateTime)) return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    [Queue(Queues.Critical)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> PublishAllDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notes.Where(n => n.Status == NoteStatus.Scheduled && n.ScheduledFor <= now).OrderBy(n => n.ScheduledFor).Take(500).ToListAsync(cancellationToken);
        var published = due.Count(n => n.PublishIfDue(now));
        await db.SaveChangesAsync(cancellationToken);
        return published;
    }
}
