using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Publishes scheduled notes when their time comes: a delayed job per note for the exact minute,
/// and a recurring sweep that catches any the delayed job missed. Both are safe to repeat. The
/// mentions in a note are told in the same transaction as it goes live, so a retry never loses them.
/// </summary>
public class PublishScheduledNotesJob(AppDbContext db, TimeProvider clock)
{
    [Queue(Queues.Critical)]
    public async Task<bool> PublishAsync(long noteId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken);
        if (note is null || !note.PublishIfDue(now)) return false;
        await SaveAndNotifyAsync([note], now, cancellationToken);
        return true;
    }

    [Queue(Queues.Critical)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> PublishAllDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notes.Where(n => n.Status == NoteStatus.Scheduled && n.ScheduledFor <= now).OrderBy(n => n.ScheduledFor).Take(500).ToListAsync(cancellationToken);
        var published = due.Where(n => n.PublishIfDue(now)).ToList();
        await SaveAndNotifyAsync(published, now, cancellationToken);
        return published.Count;
    }

    private async Task SaveAndNotifyAsync(IReadOnlyList<Note> published, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var note in published) await NoteNotices.MentionsInNoteAsync(db, note, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
