using Hangfire;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Keeps groups' activity fresh: every few minutes the directory's "most active" (posts of the last
/// seven days) and the threads' hot order; nightly, every stored count recomputed from the rows, so a
/// count that drifted is put right. Every statement sets values from the rows, so running twice is harmless.
/// </summary>
public class GroupActivityJob(AppDbContext db, TimeProvider clock)
{
    /// <summary>Threads quiet for longer than this keep the hot score they had; it only matters among active ones.</summary>
    public static readonly TimeSpan HotWindow = TimeSpan.FromDays(14);

    [Queue(Queues.Default)]
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var week = now.AddDays(-7);
        await db.Groups.ExecuteUpdateAsync(s => s.SetProperty(g => g.WeeklyPosts,
            g => db.GroupThreads.Count(t => t.GroupId == g.Id && t.CreatedAt >= week && t.DeletedAt == null && t.RemovedAt == null)
                + db.GroupReplies.Count(r => r.CreatedAt >= week && r.DeletedAt == null && r.RemovedAt == null
                    && db.GroupThreads.Any(t => t.Id == r.ThreadId && t.GroupId == g.Id))), cancellationToken);

        var since = now - HotWindow;
        var active = await db.GroupThreads.Where(t => t.LastActivityAt >= since)
            .Select(t => new { t.Id, t.CreatedAt, t.LikeCount, t.ReplyCount, t.HotScore }).ToListAsync(cancellationToken);
        foreach (var thread in active)
        {
            var score = HotScore(thread.LikeCount, thread.ReplyCount, thread.CreatedAt, now);
            if (Math.Abs(score - thread.HotScore) < 1e-9) continue;
            await db.GroupThreads.Where(t => t.Id == thread.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.HotScore, score), cancellationToken);
        }
    }

    /// <summary>Likes and (twice as much) replies, decaying with the thread's age in hours, as Hacker News ranks.</summary>
    public static double HotScore(int likes, int replies, DateTime createdAt, DateTime now) =>
        (likes + 2.0 * replies + 1) / Math.Pow(Math.Max(0, (now - createdAt).TotalHours) + 2, 1.5);

    [Queue(Queues.Default)]
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 1800)]
    public async Task RecountAsync(CancellationToken cancellationToken)
    {
        await db.Groups.ExecuteUpdateAsync(s => s
            .SetProperty(g => g.MemberCount, g => db.GroupMembers.Count(m => m.GroupId == g.Id && m.Status == MemberStatus.Active))
            .SetProperty(g => g.ThreadCount, g => db.GroupThreads.Count(t => t.GroupId == g.Id && t.DeletedAt == null && t.RemovedAt == null)), cancellationToken);
        await db.GroupThreads.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ReplyCount, t => db.GroupReplies.Count(r => r.ThreadId == t.Id && r.DeletedAt == null && r.RemovedAt == null))
            .SetProperty(t => t.LikeCount, t => db.GroupThreadLikes.Count(l => l.ThreadId == t.Id))
            .SetProperty(t => t.LastActivityAt, t => db.GroupReplies.Where(r => r.ThreadId == t.Id && r.DeletedAt == null && r.RemovedAt == null)
                .Max(r => (DateTime?)r.CreatedAt) ?? t.CreatedAt), cancellationToken);
        await db.Groups.ExecuteUpdateAsync(s => s.SetProperty(g => g.LastActivityAt,
            g => db.GroupThreads.Where(t => t.GroupId == g.Id && t.DeletedAt == null && t.RemovedAt == null).Max(t => (DateTime?)t.LastActivityAt) ?? g.CreatedAt), cancellationToken);
        await db.GroupReplies.ExecuteUpdateAsync(s => s.SetProperty(r => r.LikeCount, r => db.GroupReplyLikes.Count(l => l.ReplyId == r.Id)), cancellationToken);
    }
}
