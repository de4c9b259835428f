using RedMvc.Domain.Text;

namespace RedMvc.Domain.Moderation;

public enum PenaltyKind
{
    Warning = 1,
    Mute = 2,
    Suspension = 3,
}

public enum AppealDecision
{
    Upheld = 1,
    Overturned = 2,
}

/// <summary>
/// A penalty staff gave a member, which is also a strike on their account until StrikeExpiresAt.
/// A mute has an end; a suspension lasts until staff restore the account or an appeal overturns it.
/// The member may appeal once, within AppealDays of the penalty; another staff member decides.
/// </summary>
public class Penalty
{
    public const int AppealDays = 20;
    public const int StrikeDays = 90;
    public const int AppealMaxLength = 1000;
    public static readonly TextRule AppealRule = TextRule.Lines(AppealMaxLength, required: true);
    public static readonly TextRule ReasonRule = TextRule.Lines(500, required: true);

    private Penalty() { }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public PenaltyKind Kind { get; private set; }
    public DateTime StartsAt { get; private set; }

    /// <summary>When a mute ends; null for a warning or a suspension.</summary>
    public DateTime? EndsAt { get; private set; }

    public DateTime StrikeExpiresAt { get; private set; }
    public ReportCategory Rule { get; private set; }
    public string Reason { get; private set; } = "";
    public string IssuedById { get; private set; } = "";

    /// <summary>The content the penalty was for, when there was one.</summary>
    public ReportTarget? Target { get; private set; }
    public string? TargetId { get; private set; }

    public string? AppealText { get; private set; }
    public DateTime? AppealedAt { get; private set; }
    public AppealDecision? AppealDecision { get; private set; }
    public string? AppealDecidedById { get; private set; }
    public DateTime? AppealDecidedAt { get; private set; }

    /// <summary>Set when staff lift it early (a restored account) or an appeal overturns it: no longer a strike.</summary>
    public DateTime? LiftedAt { get; private set; }

    public static Penalty Give(string userId, PenaltyKind kind, int muteDays, ReportCategory rule, string reason,
        string staffId, ReportTarget? target, string? targetId, DateTime now) => new()
    {
        UserId = userId,
        Kind = kind,
        StartsAt = now,
        EndsAt = kind == PenaltyKind.Mute ? now.AddDays(muteDays) : null,
        StrikeExpiresAt = now.AddDays(StrikeDays),
        Rule = rule,
        Reason = reason,
        IssuedById = staffId,
        Target = target,
        TargetId = targetId,
    };

    public bool IsStrike(DateTime now) => LiftedAt is null && StrikeExpiresAt > now;

    public bool IsInForce(DateTime now) => LiftedAt is null && Kind switch
    {
        PenaltyKind.Mute => EndsAt > now,
        PenaltyKind.Suspension => true,
        _ => false,
    };

    public DateTime AppealDeadline => StartsAt.AddDays(AppealDays);

    /// <summary>Null when the member may still appeal; otherwise the resource key of why not.</summary>
    public string? WhyNoAppeal(DateTime now) =>
        AppealedAt is not null ? "Standing.Error.AppealedOnce"
        : LiftedAt is not null ? "Standing.Error.Lifted"
        : now > AppealDeadline ? "Standing.Error.AppealLate"
        : null;

    /// <returns>The resource key of the problem, or null when the appeal is recorded.</returns>
    public string? Appeal(string? text, DateTime now)
    {
        if (WhyNoAppeal(now) is { } why) return why;
        var checkedText = AppealRule.Check(text);
        if (checkedText.ErrorKey("Standing.Error.AppealEmpty", "Standing.Error.AppealTooLong") is { } error) return error;
        AppealText = checkedText.Value;
        AppealedAt = now;
        return null;
    }

    public bool AwaitsAppealDecision => AppealedAt is not null && AppealDecision is null;

    /// <summary>Staff other than the one who gave the penalty decide an appeal, once.</summary>
    public string? WhyNotDecidable(string staffId) =>
        !AwaitsAppealDecision ? "Admin.Error.NoAppeal"
        : staffId == IssuedById ? "Admin.Error.OwnPenalty"
        : null;

    public void DecideAppeal(string staffId, AppealDecision decision, DateTime now)
    {
        if (WhyNotDecidable(staffId) is { } why) throw new InvalidOperationException(why);
        AppealDecision = decision;
        AppealDecidedById = staffId;
        AppealDecidedAt = now;
        if (decision == Moderation.AppealDecision.Overturned) Lift(now);
    }

    public void Lift(DateTime now) => LiftedAt ??= now;
}

/// <summary>
/// What removing content costs its author, by the strikes they already have: a warning first, then
/// mutes of 1, 7 and 30 days, then suspension. Strikes expire after Penalty.StrikeDays.
/// </summary>
public static class PenaltyLadder
{
    private static readonly (PenaltyKind Kind, int MuteDays)[] Steps =
        [(PenaltyKind.Warning, 0), (PenaltyKind.Mute, 1), (PenaltyKind.Mute, 7), (PenaltyKind.Mute, 30), (PenaltyKind.Suspension, 0)];

    public static (PenaltyKind Kind, int MuteDays) Next(int activeStrikes) => Steps[Math.Clamp(activeStrikes, 0, Steps.Length - 1)];

    public static readonly IReadOnlyList<int> MuteDayChoices = [1, 7, 30];
}
