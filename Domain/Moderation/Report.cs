using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Moderation;

/// <summary>What a report is about. The numbers are stored; add new kinds at the end.</summary>
public enum ReportTarget
{
    Note = 1,
    Comment = 2,
    Profile = 3,
    Thread = 4,
    Reply = 5,
    Message = 6,
    Product = 7,
}

/// <summary>Why the reporter thinks it breaks the rules (issue 16's list).</summary>
public enum ReportCategory
{
    Spam = 1,
    Harassment = 2,
    Misleading = 3,
    ProhibitedGoods = 4,
    IntellectualProperty = 5,
    UndisclosedAd = 6,
    Other = 7,
}

/// <summary>How a report ended. Open reports have none.</summary>
public enum ReportOutcome
{
    Dismissed = 1,
    Removed = 2,
    ReachLimited = 3,
    AuthorWarned = 4,
    AuthorMuted = 5,
    AuthorSuspended = 6,
    Restored = 7,
}

/// <summary>
/// One member's report of one piece of content or one profile. A Domain record rather than a feature's,
/// so that a group's moderators (GroupId set) and the staff queue read the same rows. TargetId is the
/// target's key as text: a number for content, the member's id for a profile.
/// </summary>
public class Report
{
    public const int DetailsMaxLength = 500;
    public static readonly TextRule DetailsRule = TextRule.Lines(DetailsMaxLength);

    private Report() { }

    public long Id { get; private set; }
    public string ReporterId { get; private set; } = "";
    public ReportTarget Target { get; private set; }
    public string TargetId { get; private set; } = "";

    /// <summary>Who wrote what was reported, so penalties and the queue's weight can find them.</summary>
    public string TargetAuthorId { get; private set; } = "";

    /// <summary>The group the content lives in, when it does: its moderators see the report too.</summary>
    public long? GroupId { get; private set; }

    public ReportCategory Category { get; private set; }
    public string? Details { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public string? ResolvedById { get; private set; }
    public ReportOutcome? Outcome { get; private set; }

    /// <summary>The staff member working on the target's reports; the others leave it to them.</summary>
    public string? ClaimedById { get; private set; }

    public void Claim(string staffId) => ClaimedById = staffId;

    public bool IsOpen => ResolvedAt is null;

    public void Resolve(string resolverId, ReportOutcome outcome, DateTime now)
    {
        if (!IsOpen) return;
        ResolvedById = resolverId;
        Outcome = outcome;
        ResolvedAt = now;
    }

    /// <summary>
    /// Files a report, or gives the resource key of why not: an unknown category, details too long or
    /// with forbidden characters, reporting oneself, or a second open report of the same target by the
    /// same member (the first one stands; that is not an error for the reporter, so it returns null).
    /// </summary>
    public static async Task<string?> FileAsync(AppDbContext db, string reporterId, ReportTarget target, string targetId,
        string targetAuthorId, long? groupId, ReportCategory category, string? details, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(target)) throw new ArgumentOutOfRangeException(nameof(target));
        if (!Enum.IsDefined(category)) return "Report.Error.Category";
        if (reporterId == targetAuthorId) return "Report.Error.Self";
        var text = DetailsRule.Check(details);
        if (text.ErrorKey("Report.Error.TooLong") is { } error) return error;
        if (await db.Reports.AnyAsync(r => r.ReporterId == reporterId && r.Target == target && r.TargetId == targetId && r.ResolvedAt == null, cancellationToken))
            return null;
        db.Reports.Add(new Report
        {
            ReporterId = reporterId,
            Target = target,
            TargetId = targetId,
            TargetAuthorId = targetAuthorId,
            GroupId = groupId,
            Category = category,
            Details = text.OrNull,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
