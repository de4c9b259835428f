using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Areas.Admin.Features.Shared;

/// <summary>Where staff screens point to each other.</summary>
public static class AdminLinks
{
    /// <summary>A target's review page, which shows removed content too.</summary>
    public static string Review(ReportTarget target, string id) => $"/admin/reports/{target}/{Uri.EscapeDataString(id)}";

    /// <summary>Where staff look at the content a penalty is about, when it is about content.</summary>
    public static string? Content(ReportTarget? target, string? id) => target is { } kind && id is not null ? Review(kind, id) : null;
}

/// <summary>Handles of the staff and members a page names, in one query.</summary>
public class StaffNames(AppDbContext db)
{
    public async Task<Dictionary<string, string>> HandlesAsync(IEnumerable<string> ids)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Handle);
    }
}
