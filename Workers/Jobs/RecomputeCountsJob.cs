using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Counts live on the rows for speed (likes, collects and comments of a note, likes of a comment).
/// Nightly, this recomputes them from the rows they count and fixes any that drifted (an account
/// deleted mid-thread, a crash between statements). Set-based, one id range at a time, so no
/// transaction holds many rows for long; only rows that are wrong are written. Safe to repeat.
/// </summary>
public class RecomputeCountsJob(AppDbContext db, ILogger<RecomputeCountsJob> logger)
{
    public const int BatchSize = 5000;

    [Queue(Queues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var fixedNotes = await InBatchesAsync(await db.Notes.MaxAsync(n => (long?)n.Id, cancellationToken), FixNotesAsync, cancellationToken);
        var fixedComments = await InBatchesAsync(await db.Comments.MaxAsync(c => (long?)c.Id, cancellationToken), FixCommentsAsync, cancellationToken);
        if (fixedNotes + fixedComments > 0)
            logger.LogWarning("Recomputed counts: fixed {Notes} notes and {Comments} comments that had drifted", fixedNotes, fixedComments);
        return fixedNotes + fixedComments;
    }

    private static async Task<int> InBatchesAsync(long? maxId, Func<long, long, CancellationToken, Task<int>> fix, CancellationToken cancellationToken)
    {
        var total = 0;
        for (long from = 0; from <= (maxId ?? -1); from += BatchSize)
            total += await fix(from, from + BatchSize, cancellationToken);
        return total;
    }

    private Task<int> FixNotesAsync(long from, long to, CancellationToken cancellationToken) =>
        db.Notes.Where(n => n.Id >= from && n.Id < to && (
                n.LikeCount != db.NoteLikes.Count(l => l.NoteId == n.Id)
                || n.CollectCount != db.Collects.Count(c => c.NoteId == n.Id)
                || n.CommentCount != db.Comments.Count(c => c.NoteId == n.Id && c.DeletedAt == null && c.RemovedAt == null)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LikeCount, n => db.NoteLikes.Count(l => l.NoteId == n.Id))
                .SetProperty(n => n.CollectCount, n => db.Collects.Count(c => c.NoteId == n.Id))
                .SetProperty(n => n.CommentCount, n => db.Comments.Count(c => c.NoteId == n.Id && c.DeletedAt == null && c.RemovedAt == null)), cancellationToken);

    private Task<int> FixCommentsAsync(long from, long to, CancellationToken cancellationToken) =>
        db.Comments.Where(c => c.Id >= from && c.Id < to && c.LikeCount != db.CommentLikes.Count(l => l.CommentId == c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => db.CommentLikes.Count(l => l.CommentId == c.Id)), cancellationToken);
}
