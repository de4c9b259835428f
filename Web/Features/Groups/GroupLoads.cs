using RedMvc.Domain.Groups;

namespace RedMvc.Web.Features.Groups;

/// <summary>Finding a group for the viewer: the group and their membership when they may read it.</summary>
public static class GroupLoads
{
    public static async Task<(Group? Group, GroupMember? Membership)> ReadableAsync(AppDbContext db, long groupId, string? viewerId)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == groupId && g.DeletedAt == null);
        if (group is null) return (null, null);
        var membership = await GroupAccess.MembershipAsync(db, groupId, viewerId);
        return GroupAccess.MayRead(group, membership) ? (group, membership) : (null, null);
    }

    /// <summary>
    /// A group the viewer may not read: a 404 page, except that a private group's own page shows only
    /// how to ask to join (its name, nothing inside), which is how anyone gets in.
    /// </summary>
    public static async Task<IActionResult> NotReadableAsync(Controller controller, AppDbContext db, long groupId, string? viewerId)
    {
        var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId && g.DeletedAt == null && g.IsPrivate);
        if (group is null || controller.RouteData.Values["action"] as string != "Show") return controller.NotFound();
        var membership = await GroupAccess.MembershipAsync(db, groupId, viewerId);
        var now = controller.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        controller.Response.StatusCode = StatusCodes.Status404NotFound;
        return controller.View("/Features/Groups/Private.cshtml",
            new PrivateGroupPage(GroupQueries.ToCard(group), GroupQueries.StandingOf(group, membership, now), viewerId is not null));
    }
}

public record PrivateGroupPage(GroupCard Group, Standing Viewer, bool SignedIn);
