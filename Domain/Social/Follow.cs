using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Social;

/// <summary>Follower follows Followee. Two follows in opposite directions make mutual followers.</summary>
public class Follow
{
    private Follow() { }

    public Follow(string followerId, string followeeId, DateTime now)
    {
        if (followerId == followeeId) throw new InvalidOperationException("Nobody follows themselves.");
        FollowerId = followerId;
        FolloweeId = followeeId;
        CreatedAt = now;
    }

    public string FollowerId { get; private set; } = "";
    public string FolloweeId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

public static class Following
{
    /// <summary>Following twice is the same as once; nobody follows themselves or across a block. A new follow tells the person followed.</summary>
    /// <returns>False when the follow is not allowed.</returns>
    public static async Task<bool> FollowAsync(AppDbContext db, string followerId, string followeeId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (followerId == followeeId || await Blocking.EitherBlockedAsync(db, followerId, followeeId, cancellationToken)) return false;
        if (await db.Follows.AnyAsync(f => f.FollowerId == followerId && f.FolloweeId == followeeId, cancellationToken)) return true;
        db.Follows.Add(new Follow(followerId, followeeId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click raced us to the same row: already following, unless the row is not there.
            if (!await db.Follows.AsNoTracking().AnyAsync(f => f.FollowerId == followerId && f.FolloweeId == followeeId, cancellationToken)) throw;
            return true;
        }
        await Notifier.NotifyAsync(db, Notification.About(NotificationKind.Follow, followeeId, followerId, null, null, now), cancellationToken);
        return true;
    }

    /// <summary>Those of the candidates who follow the member and are followed back.</summary>
    public static async Task<HashSet<string>> MutualFollowersAmongAsync(AppDbContext db, string memberId, IReadOnlyCollection<string> candidateIds, CancellationToken cancellationToken = default)
    {
        if (candidateIds.Count == 0) return [];
        var mutual = await db.Follows
            .Where(f => f.FolloweeId == memberId && candidateIds.Contains(f.FollowerId)
                && db.Follows.Any(back => back.FollowerId == memberId && back.FolloweeId == f.FollowerId))
            .Select(f => f.FollowerId).ToListAsync(cancellationToken);
        return mutual.ToHashSet();
    }

    public static Task UnfollowAsync(AppDbContext db, string followerId, string followeeId, CancellationToken cancellationToken = default) =>
        db.Follows.Where(f => f.FollowerId == followerId && f.FolloweeId == followeeId).ExecuteDeleteAsync(cancellationToken);
}
