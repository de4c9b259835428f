using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Areas.Admin;

/// <summary>
/// What every staff screen shares: the Admin area (views under Areas/Admin/Features, its own layout)
/// and the Staff policy. Screens that only Admins may use add their own policy on top.
/// </summary>
[Area("Admin"), Authorize(Policy = Policies.Staff)]
public abstract class AdminController : Controller;

public static class StaffActors
{
    /// <summary>The signed-in staff member and the client's address (after the proxy's forwarded headers).</summary>
    public static StaffActor Of(HttpContext http) => new(http.User.Id()!, http.Connection.RemoteIpAddress?.ToString());
}
