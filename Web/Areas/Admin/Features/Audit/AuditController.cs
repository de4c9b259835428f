using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Areas.Admin.Features.Audit;

public record AuditPage(IReadOnlyList<StaffAuditEntry> Entries, string? Query, string? Staff, long? OlderThan);

/// <summary>
/// The audit log, newest first, searchable by action, target, reason and staff member. Read-only:
/// there is no route that changes or deletes an entry (AuthorisationMatrixTests lists every admin route).
/// </summary>
public class AuditController(AppDbContext db) : AdminController
{
    public const int PageSize = 50;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(string? q, string? staff, long? olderThan)
    {
        var entries = db.StaffAudit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var member = await db.Users.Where(u => u.Handle == term.TrimStart('@')).Select(u => u.Id).SingleOrDefaultAsync();
            entries = entries.Where(e => e.Action.Contains(term) || e.TargetId == term || e.Reason.Contains(term) || (member != null && e.TargetUserId == member));
        }
        if (!string.IsNullOrWhiteSpace(staff))
        {
            var staffId = await db.Users.Where(u => u.Handle == staff.Trim().TrimStart('@')).Select(u => u.Id).SingleOrDefaultAsync();
            entries = entries.Where(e => e.ActorId == staffId);
        }
        if (olderThan is { } before) entries = entries.Where(e => e.Id < before);
        var page = await entries.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync();
        return View(new AuditPage(page.Take(PageSize).ToList(), q, staff, page.Count > PageSize ? page[PageSize - 1].Id : null));
    }
}
