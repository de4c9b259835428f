using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Moderation;

/// <summary>
/// Keeps a member's mute and suspension (on AppUser, read on every post and request) in step with their
/// penalties in force. Suspending ends every session (a new security stamp) and hides their notes.
/// </summary>
public static class AccountStanding
{
    public static async Task ApplyAsync(AppDbContext db, Penalty penalty, DateTime now, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleAsync(u => u.Id == penalty.UserId, cancellationToken);
        if (penalty.Kind == PenaltyKind.Mute && !(user.MutedUntil >= penalty.EndsAt)) user.MutedUntil = penalty.EndsAt;
        if (penalty.Kind == PenaltyKind.Suspension && user.SuspendedAt is null)
        {
            user.SuspendedAt = now;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.Notes.Where(n => n.AuthorId == user.Id && n.AuthorSuspendedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorSuspendedAt, now), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>After penalties were lifted: the mute is the longest one left, the suspension stays only while one is in force.</summary>
    public static async Task RecomputeAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var inForce = (await db.Penalties.Where(p => p.UserId == userId && p.LiftedAt == null).ToListAsync(cancellationToken))
            .Where(p => p.IsInForce(now)).ToList();
        user.MutedUntil = inForce.Where(p => p.Kind == PenaltyKind.Mute).Max(p => p.EndsAt);
        if (user.SuspendedAt is not null && !inForce.Any(p => p.Kind == PenaltyKind.Suspension))
        {
            user.SuspendedAt = null;
            await db.Notes.Where(n => n.AuthorId == userId && n.AuthorSuspendedAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorSuspendedAt, (DateTime?)null), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Staff restore a suspended account: its suspensions are lifted (no longer strikes) and its notes show again.</summary>
    public static async Task<string?> RestoreAccountAsync(AppDbContext db, StaffActor actor, string userId, string? reasonText, DateTime now, CancellationToken cancellationToken = default)
    {
        var reason = Penalty.ReasonRule.Check(reasonText);
        if (reason.Problem is not null) return "Admin.Error.Reason";
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user?.SuspendedAt is null) return "Admin.Error.NotSuspended";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var penalty in await db.Penalties.Where(p => p.UserId == userId && p.Kind == PenaltyKind.Suspension && p.LiftedAt == null).ToListAsync(cancellationToken))
            penalty.Lift(now);
        await db.SaveChangesAsync(cancellationToken);
        await RecomputeAsync(db, userId, now, cancellationToken);
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, "account.restore", "Profile", userId, userId, "suspended", "active", reason.Value, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Until when the member may not post, or null. Read where notes, comments, messages and group posts are written.</summary>
    public static async Task<DateTime?> MutedUntilAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var until = await db.Users.Where(u => u.Id == userId).Select(u => u.MutedUntil).SingleOrDefaultAsync(cancellationToken);
        return until > now ? until : null;
    }
}
