using RedMvc.Domain.Moderation;
using RedMvc.Web.Areas.Admin.Features.Shared;

namespace RedMvc.Web.Areas.Admin.Features.Reports;

public record ReviewSubject(ReportTarget Target, string TargetId, string AuthorId, string AuthorHandle, string AuthorName,
    string Title, string? Text, PhotoView? Cover, string? PublicLink, string State);

public record AuthorStanding(int Strikes, DateTime? MutedUntil, DateTime? SuspendedAt, int Penalties);

public record ReportLine(string ReporterHandle, ReportCategory Category, string? Details, DateTime CreatedAt, ReportOutcome? Outcome, DateTime? ResolvedAt);

public record ReviewPage(ReviewSubject Subject, AuthorStanding Author, IReadOnlyList<ReportLine> Reports, IReadOnlyList<StaffAuditEntry> History,
    IReadOnlyList<StaffDecision> Actions, string? ClaimedByHandle, bool ClaimedByViewer, string? Problem = null);

public record QueuePage(IReadOnlyList<QueueItem> Items, string? Kind);

/// <summary>The review queue and one target's review: claim it, then decide (ModerationDesk) with a rule and a reason.</summary>
public class ReportsController(AppDbContext db, ReviewQueue queue, ModerationEffects effects, StaffNames names, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : AdminController
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/admin/reports")]
    public async Task<IActionResult> Index(string? kind) => View(new QueuePage(await queue.OpenAsync(kind), kind));

    [HttpGet("/admin/reports/{target}/{id}")]
    public async Task<IActionResult> Review(ReportTarget target, string id) =>
        await ReviewPageAsync(target, id) is { } page ? View(page) : NotFound();

    [HttpPost("/admin/reports/{target}/{id}/claim")]
    public async Task<IActionResult> Claim(ReportTarget target, string id)
    {
        if (await ModeratedContent.FindAsync(db, target, id) is null) return NotFound();
        await ModerationDesk.ClaimAsync(db, User.Id()!, target, id);
        return Redirect(AdminLinks.Review(target, id));
    }

    [HttpPost("/admin/reports/{target}/{id}/act")]
    public async Task<IActionResult> Act(ReportTarget target, string id, StaffDecision action, ReportCategory rule, string? reason, int muteDays)
    {
        if (!Enum.IsDefined(action)) return BadRequest();
        var order = new ModerationOrder(target, id, action, rule, reason, muteDays);
        var problem = await ModerationDesk.ActAsync(db, StaffActors.Of(HttpContext), order, Now);
        if (problem is not null)
            return await ReviewPageAsync(target, id) is { } page ? View(nameof(Review), page with { Problem = t[problem] }) : NotFound();
        await effects.ContentChangedAsync(target, id);
        if (await ModeratedContent.FindAsync(db, target, id) is { } content)
        {
            if (action == StaffDecision.Suspend) await effects.AccountChangedAsync(content.AuthorId);
            await effects.MemberToldAsync(content.AuthorId);
        }
        this.Flash(t["Admin.Review.Done", t[$"Admin.Action.{action}"]]);
        return Redirect("/admin/reports");
    }

    private async Task<ReviewPage?> ReviewPageAsync(ReportTarget target, string id)
    {
        var content = await ModeratedContent.FindAsync(db, target, id);
        if (content is null || await SubjectAsync(target, id, content.AuthorId) is not { } subject) return null;
        var author = await db.Users.AsNoTracking().SingleAsync(u => u.Id == content.AuthorId);
        var penalties = await db.Penalties.AsNoTracking().Where(p => p.UserId == author.Id).ToListAsync();
        var reports = await db.Reports.AsNoTracking().Where(r => r.Target == target && r.TargetId == id).OrderByDescending(r => r.Id).Take(200).ToListAsync();
        var handles = await names.HandlesAsync(reports.Select(r => r.ReporterId).Concat(reports.Select(r => r.ClaimedById).OfType<string>()));
        var claimer = reports.Where(r => r.IsOpen).Select(r => r.ClaimedById).OfType<string>().FirstOrDefault();
        var history = await db.StaffAudit.AsNoTracking().Where(e => e.TargetKind == target.ToString() && e.TargetId == id)
            .OrderByDescending(e => e.Id).Take(50).ToListAsync();
        return new ReviewPage(subject,
            new AuthorStanding(penalties.Count(p => p.IsStrike(Now)), author.IsMuted(Now) ? author.MutedUntil : null, author.SuspendedAt, penalties.Count),
            reports.Select(r => new ReportLine(handles.GetValueOrDefault(r.ReporterId, "?"), r.Category, r.Details, r.CreatedAt, r.Outcome, r.ResolvedAt)).ToList(),
            history, Enum.GetValues<StaffDecision>().Where(content.Allows).ToList(),
            claimer is null ? null : handles.GetValueOrDefault(claimer, "?"), claimer == User.Id());
    }

    private async Task<ReviewSubject?> SubjectAsync(ReportTarget target, string id, string authorId)
    {
        var author = await db.Users.Where(u => u.Id == authorId).Select(u => new { u.Handle, u.DisplayName, u.Bio }).SingleAsync();
        ReviewSubject Make(string title, string? text, PhotoView? cover, string? link, string state) =>
            new(target, id, authorId, author.Handle, author.DisplayName, title, text, cover, link, state);
        switch (target)
        {
            case ReportTarget.Note:
                var note = await db.Notes.AsNoTracking().Include(n => n.Photos).SingleAsync(n => n.Id == long.Parse(id));
                var cover = note.Photos.OrderBy(p => p.Position).FirstOrDefault();
                return Make(note.Title, note.Body, cover is null ? null : PhotoView.Of(cover, note.Title), $"/notes/{note.Id}",
                    note.RemovedAt is not null ? t["Admin.State.Removed"] : note.ReachLimitedAt is not null ? t["Admin.State.Limited"] : t["Admin.State.Shown"]);
            case ReportTarget.Comment:
                var comment = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == long.Parse(id));
                return Make(t["Admin.Review.CommentOn"], comment.Body, null, $"/notes/{comment.NoteId}#comment-{comment.Id}",
                    comment.IsRemoved ? t["Admin.State.Removed"] : t["Admin.State.Shown"]);
            case ReportTarget.Profile:
                return Make($"{author.DisplayName} @{author.Handle}", author.Bio, null, $"/u/{author.Handle}", t["Admin.State.Shown"]);
            case ReportTarget.Thread:
                var thread = await db.GroupThreads.AsNoTracking().SingleAsync(x => x.Id == long.Parse(id));
                return Make(thread.Title, thread.Body, null, $"/groups/threads/{thread.Id}",
                    thread.RemovedAt is not null ? t["Admin.State.Removed"] : t["Admin.State.Shown"]);
            case ReportTarget.Reply:
                var reply = await db.GroupReplies.AsNoTracking().SingleAsync(x => x.Id == long.Parse(id));
                return Make(t["Admin.Target.Reply"], reply.Body, null, $"/groups/threads/{reply.ThreadId}",
                    reply.RemovedAt is not null ? t["Admin.State.Removed"] : t["Admin.State.Shown"]);
            case ReportTarget.Product:
                var product = await db.Products.AsNoTracking().Include(p => p.Photos).SingleAsync(p => p.Id == long.Parse(id));
                var photo = product.Photos.OrderBy(p => p.Position).FirstOrDefault();
                return Make(product.Title, product.Description, photo is null ? null : ProductPhotos.ToView(photo, product.Title), $"/admin/products/{product.Id}",
                    product.TakenDownAt is not null ? t["Admin.State.Removed"] : t["Admin.State.Shown"]);
            case ReportTarget.Message:
                var message = await db.Messages.AsNoTracking().SingleAsync(x => x.Id == long.Parse(id));
                return Make(t["Admin.Target.Message"], message.Body, null, null, t["Admin.State.Shown"]);
            default:
                return null;
        }
    }
}
