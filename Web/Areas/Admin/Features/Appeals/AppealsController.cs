using RedMvc.Domain.Moderation;
using RedMvc.Web.Areas.Admin.Features.Shared;

namespace RedMvc.Web.Areas.Admin.Features.Appeals;

public record AppealItem(Penalty Penalty, string MemberHandle, string IssuedByHandle, string? ContentLink, bool ViewerGaveIt);

public record AppealsPage(IReadOnlyList<AppealItem> Waiting);

/// <summary>Appeals waiting for a decision, oldest first; the staff member who gave a penalty cannot decide its appeal.</summary>
public class AppealsController(AppDbContext db, ModerationEffects effects, StaffNames names, TimeProvider clock, IStringLocalizer<SharedResource> t) : AdminController
{
    [HttpGet("/admin/appeals")]
    public async Task<IActionResult> Index()
    {
        var waiting = await db.Penalties.AsNoTracking().Where(p => p.AppealedAt != null && p.AppealDecision == null)
            .OrderBy(p => p.AppealedAt).Take(200).ToListAsync();
        var ids = waiting.SelectMany(p => new[] { p.UserId, p.IssuedById }).Distinct().ToList();
        var handles = await names.HandlesAsync(ids);
        return View(new AppealsPage(waiting.Select(p => new AppealItem(p, handles.GetValueOrDefault(p.UserId, "?"), handles.GetValueOrDefault(p.IssuedById, "?"),
            AdminLinks.Content(p.Target, p.TargetId), p.IssuedById == User.Id())).ToList()));
    }

    [HttpPost("/admin/appeals/{id:long}")]
    public async Task<IActionResult> Decide(long id, AppealDecision decision, string? reason)
    {
        var penalty = await db.Penalties.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (penalty is null) return NotFound();
        var problem = await ModerationDesk.DecideAppealAsync(db, StaffActors.Of(HttpContext), id, decision, reason, clock.GetUtcNow().UtcDateTime);
        if (problem is null && decision == AppealDecision.Overturned)
        {
            await effects.ContentChangedAsync(penalty.Target, penalty.TargetId);
            if (penalty.Kind == PenaltyKind.Suspension) await effects.AccountChangedAsync(penalty.UserId);
        }
        if (problem is null) await effects.MemberToldAsync(penalty.UserId);
        this.Flash(problem is null ? t[$"Admin.Appeals.{decision}"] : t[problem]);
        return Redirect("/admin/appeals");
    }
}
