using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Groups;

/// <summary>A member's watch or mute of a thread, and how far they have read it.</summary>
public static class ThreadFollowing
{
    /// <summary>Watches, mutes, or (null) goes back to the default: hear only of replies to oneself.</summary>
    public static async Task SetWatchAsync(AppDbContext db, long threadId, string userId, WatchLevel? level, CancellationToken cancellationToken = default)
    {
        if (level is { } l && !Enum.IsDefined(l)) throw new GroupRuleException("Group.Error.WatchLevel");
        var watch = await db.ThreadWatches.SingleOrDefaultAsync(w => w.ThreadId == threadId && w.UserId == userId, cancellationToken);
        if (level is null)
        {
            if (watch is not null) db.ThreadWatches.Remove(watch);
        }
        else if (watch is null) db.ThreadWatches.Add(new ThreadWatch(threadId, userId, level.Value));
        else watch.Level = level.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second click raced this one to the same row: one of them stands, which is what was asked.
        }
    }

    /// <summary>The newest reply id this member had read before, or null when they never opened the thread.</summary>
    public static Task<long?> LastReadAsync(AppDbContext db, long threadId, string userId, CancellationToken cancellationToken = default) =>
        db.ThreadReads.Where(r => r.ThreadId == threadId && r.UserId == userId).Select(r => (long?)r.LastReadReplyId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Moves the member's read mark forward to <paramref name="replyId"/> (never back). Safe to repeat and to race.</summary>
    public static async Task MarkReadAsync(AppDbContext db, long threadId, string userId, long replyId, CancellationToken cancellationToken = default)
    {
        var moved = await db.ThreadReads.Where(r => r.ThreadId == threadId && r.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReadReplyId, r => r.LastReadReplyId < replyId ? replyId : r.LastReadReplyId), cancellationToken);
        if (moved > 0) return;
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "ThreadReads" ("ThreadId", "UserId", "LastReadReplyId") SELECT {threadId}, {userId}, {replyId} WHERE NOT EXISTS (SELECT 1 FROM "ThreadReads" WHERE "ThreadId" = {threadId} AND "UserId" = {userId})""",
                cancellationToken);
        }
        catch (DbException)
        {
            // Another page view wrote the row first; its mark is as good as this one.
        }
    }
}
