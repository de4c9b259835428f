namespace RedMvc.Web.Features.Shared;

/// <summary>
/// The signed-in member's avatar in the top bar. Read per request, not from the cookie, because
/// the avatar job finishes after the upload request has answered.
/// </summary>
public class MemberAvatarViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = UserClaimsPrincipal.Id();
        var key = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.AvatarKey).SingleOrDefaultAsync();
        return View("~/Features/Shared/_Avatar.cshtml", new AvatarView(UserClaimsPrincipal.DisplayName(), key));
    }
}
