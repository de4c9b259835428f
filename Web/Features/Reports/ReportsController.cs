using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Reports;

/// <summary>What is being reported, as the reporter may see it: a line to recognise it, where to go back, whose it is.</summary>
public record ReportSubject(ReportTarget Target, string TargetId, string AuthorId, string Summary, string BackTo, long? GroupId = null);

public record ReportPage(ReportSubject Subject, string Kind, string Id, ReportCategory? Category, string? Details, string? Problem);

/// <summary>
/// Members report a note, a comment, a profile or a product with a category and a note (Domain/Moderation/Report):
/// it lands in the staff queue. Anything the member may not see is a 404, as a wrong id is.
/// </summary>
[Authorize, Route("report")]
public class ReportsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("{kind}/{id}")]
    public async Task<IActionResult> New(string kind, string id)
    {
        var subject = await FindAsync(kind, id);
        return subject is null ? NotFound() : View(new ReportPage(subject, kind, id, null, null, null));
    }

    [HttpPost("{kind}/{id}"), EnableRateLimiting(RateLimits.Reporting)]
    public async Task<IActionResult> Send(string kind, string id, ReportCategory? category, string? details)
    {
        var subject = await FindAsync(kind, id);
        if (subject is null) return NotFound();
        var problem = category is null
            ? "Report.Error.Category"
            : await Report.FileAsync(db, User.Id()!, subject.Target, subject.TargetId, subject.AuthorId, subject.GroupId,
                category.Value, details, clock.GetUtcNow().UtcDateTime);
        if (problem is not null)
            return View(nameof(New), new ReportPage(subject, kind, id, category, details, t[problem, Report.DetailsMaxLength]));
        this.Flash(t["Report.Sent"]);
        return Redirect(subject.BackTo);
    }

    private async Task<ReportSubject?> FindAsync(string kind, string id)
    {
        var viewerId = User.Id();
        switch (kind)
        {
            case "note" when long.TryParse(id, out var noteId):
                if (!await NoteAccess.CanSeeAsync(db, noteId, viewerId)) return null;
                var note = await db.Notes.Where(n => n.Id == noteId).Select(n => new { n.AuthorId, n.Title }).SingleAsync();
                return new ReportSubject(ReportTarget.Note, id, note.AuthorId, note.Title, $"/notes/{noteId}");
            case "comment" when long.TryParse(id, out var commentId):
                var comment = await db.Comments.Where(c => c.Id == commentId && c.DeletedAt == null && c.RemovedAt == null && c.HeldAt == null)
                    .Select(c => new { c.NoteId, c.AuthorId, c.Body }).SingleOrDefaultAsync();
                if (comment is null || !await NoteAccess.CanSeeAsync(db, comment.NoteId, viewerId)
                    || await Blocking.EitherBlockedAsync(db, viewerId, comment.AuthorId)) return null;
                return new ReportSubject(ReportTarget.Comment, id, comment.AuthorId, comment.Body, $"/notes/{comment.NoteId}#comment-{commentId}");
            case "profile":
                var user = await db.Users.Where(u => u.Handle == id).Select(u => new { u.Id, u.Handle, u.DisplayName }).SingleOrDefaultAsync();
                if (user is null || await Blocking.EitherBlockedAsync(db, viewerId, user.Id)) return null;
                return new ReportSubject(ReportTarget.Profile, user.Id, user.Id, $"{user.DisplayName} @{user.Handle}", $"/u/{user.Handle}");
            case "product" when long.TryParse(id, out var productId):
                var product = await db.Products.Where(p => p.Id == productId && p.HeldAt == null && (p.Status == ProductStatus.Active || p.Status == ProductStatus.Archived))
                    .Select(p => new { p.Title, OwnerId = db.Shops.Where(s => s.Id == p.ShopId).Select(s => s.OwnerId).Single() }).SingleOrDefaultAsync();
                if (product is null || await Blocking.EitherBlockedAsync(db, viewerId, product.OwnerId)) return null;
                return new ReportSubject(ReportTarget.Product, id, product.OwnerId, product.Title, $"/products/{productId}");
            default:
                return null;
        }
    }
}
