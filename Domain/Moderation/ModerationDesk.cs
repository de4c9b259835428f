using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Moderation;

public enum StaffDecision
{
    Dismiss = 1,
    Remove = 2,
    LimitReach = 3,
    Warn = 4,
    Mute = 5,
    Suspend = 6,
    Restore = 7,
}

/// <summary>What a staff member decided about one reported (or looked-up) target.</summary>
public sealed record ModerationOrder(ReportTarget Target, string TargetId, StaffDecision Action, ReportCategory Rule, string? Reason, int MuteDays = 0);

/// <summary>
/// Staff decisions on content and accounts. Each one runs in one transaction: the change, the penalty
/// (a strike), the resolution of every open report on the target, notices to the reporters and the
/// author, and the audit entry. Nothing is deleted: removed content is hidden and can be restored.
/// Returns the resource key of a refusal, or null when done.
/// </summary>
public static class ModerationDesk
{
    public static async Task<string?> ActAsync(AppDbContext db, StaffActor actor, ModerationOrder order, DateTime now, CancellationToken cancellationToken = default)
    {
        var reason = Penalty.ReasonRule.Check(order.Reason);
        if (reason.Problem is not null) return "Admin.Error.Reason";
        if (!Enum.IsDefined(order.Rule)) return "Report.Error.Category";
        if (order.Action == StaffDecision.Mute && !PenaltyLadder.MuteDayChoices.Contains(order.MuteDays)) return "Admin.Error.MuteDays";
        var target = await ModeratedContent.FindAsync(db, order.Target, order.TargetId, cancellationToken);
        if (target is null) return "Admin.Error.NoTarget";
        if (!target.Allows(order.Action)) return "Admin.Error.NotForThis";
        var open = await OpenReports(db, order.Target, order.TargetId).ToListAsync(cancellationToken);
        if (open.Any(r => r.ClaimedById is { } claimer && claimer != actor.StaffId)) return "Admin.Error.ClaimedByOther";

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = target.Describe();
        var outcome = await ApplyAsync(db, actor, order with { Reason = reason.Value }, target, now, cancellationToken);
        await ResolveAsync(db, actor.StaffId, open, outcome, now, cancellationToken);
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, $"{order.Target}.{order.Action}".ToLowerInvariant(), order.Target.ToString(), order.TargetId,
            target.AuthorId, before, target.Describe(), reason.Value, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Resolves the reports with the outcome and tells each reporter.</summary>
    public static async Task ResolveAsync(AppDbContext db, string staffId, IEnumerable<Report> reports, ReportOutcome outcome, DateTime now, CancellationToken cancellationToken = default)
    {
        foreach (var report in reports)
        {
            report.Resolve(staffId, outcome, now);
            // The reporter is told that it was handled, not shown the content again (it may be gone): their standing page has the outcome.
            await Notifier.NotifyAsync(db, Notification.FromStaff(NotificationKind.ReportOutcome, report.ReporterId, staffId,
                $"report:{report.Id}", null, null, now), cancellationToken);
        }
    }

    /// <summary>Marks every open report on the target as this staff member's to handle.</summary>
    public static async Task ClaimAsync(AppDbContext db, string staffId, ReportTarget target, string targetId, CancellationToken cancellationToken = default)
    {
        foreach (var report in await OpenReports(db, target, targetId).ToListAsync(cancellationToken)) report.Claim(staffId);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static IQueryable<Report> OpenReports(AppDbContext db, ReportTarget target, string targetId) =>
        db.Reports.Where(r => r.Target == target && r.TargetId == targetId && r.ResolvedAt == null);

    private static async Task<ReportOutcome> ApplyAsync(AppDbContext db, StaffActor actor, ModerationOrder order, ModeratedContent target, DateTime now, CancellationToken cancellationToken)
    {
        switch (order.Action)
        {
            case StaffDecision.Remove:
                await target.RemoveAsync(db, order.Rule, order.Reason!, now, cancellationToken);
                var strikes = await ActiveStrikesAsync(db, target.AuthorId, now, cancellationToken);
                var (kind, days) = PenaltyLadder.Next(strikes);
                await PenaliseAsync(db, actor, target, kind, days, order, now, cancellationToken);
                return ReportOutcome.Removed;
            case StaffDecision.LimitReach:
                target.LimitReach(now);
                return ReportOutcome.ReachLimited;
            case StaffDecision.Warn:
                await PenaliseAsync(db, actor, target, PenaltyKind.Warning, 0, order, now, cancellationToken);
                return ReportOutcome.AuthorWarned;
            case StaffDecision.Mute:
                await PenaliseAsync(db, actor, target, PenaltyKind.Mute, order.MuteDays, order, now, cancellationToken);
                return ReportOutcome.AuthorMuted;
            case StaffDecision.Suspend:
                await PenaliseAsync(db, actor, target, PenaltyKind.Suspension, 0, order, now, cancellationToken);
                return ReportOutcome.AuthorSuspended;
            case StaffDecision.Restore:
                await target.RestoreAsync(db, cancellationToken);
                await LiftPenaltiesForAsync(db, order.Target, order.TargetId, target.AuthorId, now, cancellationToken);
                return ReportOutcome.Restored;
            default:
                return ReportOutcome.Dismissed;
        }
    }

    public static Task<int> ActiveStrikesAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default) =>
        db.Penalties.CountAsync(p => p.UserId == userId && p.LiftedAt == null && p.StrikeExpiresAt > now, cancellationToken);

    private static async Task PenaliseAsync(AppDbContext db, StaffActor actor, ModeratedContent target, PenaltyKind kind, int muteDays,
        ModerationOrder order, DateTime now, CancellationToken cancellationToken)
    {
        var penalty = Penalty.Give(target.AuthorId, kind, muteDays, order.Rule, order.Reason!, actor.StaffId,
            order.Target, order.TargetId, now);
        db.Penalties.Add(penalty);
        await db.SaveChangesAsync(cancellationToken);
        await AccountStanding.ApplyAsync(db, penalty, now, cancellationToken);
        await Notifier.NotifyAsync(db, Notification.FromStaff(NotificationKind.PenaltyGiven, target.AuthorId, actor.StaffId,
            $"penalty:{penalty.Id}", target.NoteId, target.CommentId, now), cancellationToken);
    }

    /// <summary>Restored content takes its strikes with it.</summary>
    private static async Task LiftPenaltiesForAsync(AppDbContext db, ReportTarget target, string targetId, string userId, DateTime now, CancellationToken cancellationToken)
    {
        var penalties = await db.Penalties.Where(p => p.UserId == userId && p.Target == target && p.TargetId == targetId && p.LiftedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var penalty in penalties) penalty.Lift(now);
        await db.SaveChangesAsync(cancellationToken);
        await AccountStanding.RecomputeAsync(db, userId, now, cancellationToken);
    }

    /// <summary>
    /// Another staff member decides an appeal. Overturning it lifts the penalty and restores the
    /// content it was for; either way the member is told.
    /// </summary>
    public static async Task<string?> DecideAppealAsync(AppDbContext db, StaffActor actor, long penaltyId, AppealDecision decision, string? reasonText,
        DateTime now, CancellationToken cancellationToken = default)
    {
        var reason = Penalty.ReasonRule.Check(reasonText);
        if (reason.Problem is not null) return "Admin.Error.Reason";
        if (!Enum.IsDefined(decision)) return "Admin.Error.NoAppeal";
        var penalty = await db.Penalties.SingleOrDefaultAsync(p => p.Id == penaltyId, cancellationToken);
        if (penalty is null) return "Admin.Error.NoAppeal";
        if (penalty.WhyNotDecidable(actor.StaffId) is { } why) return why;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        penalty.DecideAppeal(actor.StaffId, decision, now);
        ModeratedContent? target = null;
        if (decision == AppealDecision.Overturned)
        {
            if (penalty.Target is { } kind && penalty.TargetId is { } id
                && (target = await ModeratedContent.FindAsync(db, kind, id, cancellationToken)) is not null)
                await target.RestoreAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AccountStanding.RecomputeAsync(db, penalty.UserId, now, cancellationToken);
        }
        await Notifier.NotifyAsync(db, Notification.FromStaff(NotificationKind.AppealDecided, penalty.UserId, actor.StaffId,
            $"appeal:{penalty.Id}", target?.NoteId, target?.CommentId, now), cancellationToken);
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, $"appeal.{decision}".ToLowerInvariant(), "Penalty", penalty.Id.ToString(), penalty.UserId,
            "appealed", decision.ToString(), reason.Value, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
