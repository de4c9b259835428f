using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Social;

/// <summary>Blocker blocks Blocked: the blocked person can no longer see, follow, or comment on the blocker.</summary>
public class Block
{
    private Block() { }

    public Block(string blockerId, string blockedId, DateTime now)
    {
        if (blockerId == blockedId) throw new InvalidOperationException("Nobody blocks themselves.");
        BlockerId = blockerId;
        BlockedId = blockedId;
        CreatedAt = now;
    }

    public string BlockerId { get; private set; } = "";
    public string BlockedId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}

public static class Blocking
{
    /// <summary>Blocks and ends any follow (and clears the notifications) between the two, in one transaction; blocking twice is a no-op.</summary>
    public static async Task BlockAsync(AppDbContext db, string blockerId, string blockedId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Blocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, cancellationToken))
        {
            db.Blocks.Add(new Block(blockerId, blockedId, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        await db.Follows.Where(f => (f.FollowerId == blockerId && f.FolloweeId == blockedId) || (f.FollowerId == blockedId && f.FolloweeId == blockerId))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => (n.RecipientId == blockerId && n.ActorId == blockedId) || (n.RecipientId == blockedId && n.ActorId == blockerId))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static Task UnblockAsync(AppDbContext db, string blockerId, string blockedId, CancellationToken cancellationToken = default) =>
        db.Blocks.Where(b => b.BlockerId == blockerId && b.BlockedId == blockedId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>True when either person blocked the other: then neither sees the other's content.</summary>
    public static Task<bool> EitherBlockedAsync(AppDbContext db, string? viewerId, string otherId, CancellationToken cancellationToken = default) =>
        viewerId is null || viewerId == otherId
            ? Task.FromResult(false)
            : db.Blocks.AnyAsync(b => (b.BlockerId == viewerId && b.BlockedId == otherId) || (b.BlockerId == otherId && b.BlockedId == viewerId), cancellationToken);

    /// <summary>Everyone the member blocked or was blocked by, as a subquery (LINQ's form of EitherBlockedAsync for lists).</summary>
    public static IQueryable<string> EitherWayOf(AppDbContext db, string? memberId) =>
        db.Blocks.Where(b => b.BlockerId == memberId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == memberId).Select(b => b.BlockerId));

    /// <summary>The SQL form of EitherBlockedAsync for a list (people search): false for a visitor (NULL viewer).</summary>
    public static string EitherBlockedSql(string viewer, string other) =>
        $"""EXISTS (SELECT 1 FROM "Blocks" b WHERE (b."BlockerId" = {viewer} AND b."BlockedId" = {other}) OR (b."BlockerId" = {other} AND b."BlockedId" = {viewer}))""";
}
