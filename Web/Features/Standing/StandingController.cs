using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Features.Standing;

public record PenaltyView(long Id, PenaltyKind Kind, ReportCategory Rule, string Reason, DateTime StartsAt, DateTime? EndsAt,
    bool InForce, bool IsStrike, string? ContentLink, string? AppealText, DateTime? AppealedAt, AppealDecision? Decision,
    DateTime AppealDeadline, string? WhyNoAppeal);

public record SentReport(ReportTarget Target, ReportCategory Category, DateTime CreatedAt, ReportOutcome? Outcome, DateTime? ResolvedAt);

public record StandingPage(IReadOnlyList<PenaltyView> Penalties, DateTime? MutedUntil, int Strikes, IReadOnlyList<SentReport> Reports);

/// <summary>The suspended page: who signs in to a suspended account learns why, and may appeal with the token the sign-in gave.</summary>
public record SuspendedPage(PenaltyView? Suspension, string? Token, string? Problem = null, bool Appealed = false);

/// <summary>
/// A member's standing: the penalties staff gave them, with the rule and the reason, and one appeal
/// each within 20 days; and what became of the reports they sent. A suspended member cannot sign in, so the sign-in page hands them a
/// short-lived token for the suspended page instead.
/// </summary>
public class StandingController(AppDbContext db, TimeProvider clock, SuspendedTokens tokens, IStringLocalizer<SharedResource> t) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [Authorize, HttpGet("/settings/standing")]
    public async Task<IActionResult> Index()
    {
        var memberId = User.Id()!;
        var penalties = await PenaltiesAsync(memberId);
        var mutedUntil = await AccountStanding.MutedUntilAsync(db, memberId, Now);
        var reports = await db.Reports.AsNoTracking().Where(r => r.ReporterId == memberId).OrderByDescending(r => r.Id).Take(20)
            .Select(r => new SentReport(r.Target, r.Category, r.CreatedAt, r.Outcome, r.ResolvedAt)).ToListAsync();
        return View(new StandingPage(penalties, mutedUntil, penalties.Count(p => p.IsStrike), reports));
    }

    [Authorize, HttpPost("/settings/standing/{id:long}/appeal")]
    public async Task<IActionResult> Appeal(long id, string? text)
    {
        var penalty = await db.Penalties.SingleOrDefaultAsync(p => p.Id == id && p.UserId == User.Id());
        if (penalty is null) return NotFound();
        var problem = penalty.Appeal(text, Now);
        if (problem is null) await db.SaveChangesAsync();
        this.Flash(problem is null ? t["Standing.Appealed"] : t[problem, Penalty.AppealMaxLength]);
        return Redirect("/settings/standing");
    }

    [HttpGet("/account/suspended")]
    public async Task<IActionResult> Suspended(string? token) => View(await SuspendedPageAsync(token));

    [HttpPost("/account/suspended/appeal")]
    public async Task<IActionResult> AppealSuspension(string? token, string? text)
    {
        // A forged or expired token, or a suspension gone with its account: the page without details.
        if (tokens.Read(token) is not { } penaltyId || await db.Penalties.SingleOrDefaultAsync(p => p.Id == penaltyId) is not { } penalty)
            return View(nameof(Suspended), new SuspendedPage(null, null));
        var problem = penalty.Appeal(text, Now);
        if (problem is null) await db.SaveChangesAsync();
        var page = await SuspendedPageAsync(token);
        return View(nameof(Suspended), page with { Problem = problem is null ? null : t[problem, Penalty.AppealMaxLength].Value, Appealed = problem is null });
    }

    private async Task<SuspendedPage> SuspendedPageAsync(string? token)
    {
        if (tokens.Read(token) is not { } penaltyId) return new SuspendedPage(null, null);
        var penalty = await db.Penalties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == penaltyId);
        return penalty is null ? new SuspendedPage(null, null) : new SuspendedPage(View(penalty), token);
    }

    private async Task<List<PenaltyView>> PenaltiesAsync(string memberId) =>
        (await db.Penalties.AsNoTracking().Where(p => p.UserId == memberId).OrderByDescending(p => p.StartsAt).ToListAsync())
            .Select(View).ToList();

    private PenaltyView View(Penalty p) => new(p.Id, p.Kind, p.Rule, p.Reason, p.StartsAt, p.EndsAt, p.IsInForce(Now), p.IsStrike(Now),
        ContentLink(p.Target, p.TargetId), p.AppealText, p.AppealedAt, p.AppealDecision, p.AppealDeadline, p.WhyNoAppeal(Now));

    public static string? ContentLink(ReportTarget? target, string? id) => target switch
    {
        ReportTarget.Note => $"/notes/{id}",
        _ => null,
    };
}
