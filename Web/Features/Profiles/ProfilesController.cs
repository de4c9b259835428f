using Microsoft.AspNetCore.OutputCaching;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Profiles;

public class ProfilesController(AppDbContext db, ProfileQueries queries, PeopleQueries people, TimeProvider clock) : Controller
{
    private string? ViewerId => User.Id();

    /// <summary>Visitors' copies are output-cached, tagged with the member (PublicPages).</summary>
    [HttpGet("/u/{handle}"), OutputCache(PolicyName = OutputCaching.VisitorPages)]
    public async Task<IActionResult> Show(string handle, string? tab, string? after)
    {
        var profile = await queries.ProfileAsync(handle, ViewerId, ProfileTabs.Of(tab), FeedCursor.Parse(after));
        if (profile is null) return NotFound();
        PublicPages.Tag(HttpContext, PublicPages.MemberTag(profile.Person.Id), PublicPages.NoteListsTag);
        return View(profile);
    }

    [HttpGet("/u/{handle}/followers")]
    public Task<IActionResult> Followers(string handle, string? after) => PeopleAsync(handle, PeopleQueries.Followers, after);

    [HttpGet("/u/{handle}/following")]
    public Task<IActionResult> FollowingList(string handle, string? after) => PeopleAsync(handle, PeopleQueries.Following, after);

    private async Task<IActionResult> PeopleAsync(string handle, string list, string? after)
    {
        var page = await people.ListAsync(handle, list, ViewerId, after);
        return page is null ? NotFound() : View("People", page);
    }

    /// <summary>Back to the profile, or to the local page the button was on (following back from the notifications).</summary>
    [HttpPost("/u/{handle}/follow"), Authorize]
    public async Task<IActionResult> Follow(string handle, string? returnUrl)
    {
        var followeeId = await IdOfAsync(handle);
        if (followeeId is null || !await Following.FollowAsync(db, ViewerId!, followeeId, clock.GetUtcNow().UtcDateTime)) return NotFound();
        return Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : $"/u/{handle}");
    }

    [HttpPost("/u/{handle}/unfollow"), Authorize]
    public async Task<IActionResult> Unfollow(string handle, string? returnUrl)
    {
        var followeeId = await IdOfAsync(handle);
        if (followeeId is null) return NotFound();
        await Following.UnfollowAsync(db, ViewerId!, followeeId);
        return Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : $"/u/{handle}");
    }

    [HttpPost("/u/{handle}/block"), Authorize]
    public async Task<IActionResult> Block(string handle)
    {
        var blockedId = await IdOfAsync(handle);
        if (blockedId is null || blockedId == ViewerId) return NotFound();
        await Blocking.BlockAsync(db, ViewerId!, blockedId, clock.GetUtcNow().UtcDateTime);
        return Redirect($"/u/{handle}");
    }

    [HttpPost("/u/{handle}/unblock"), Authorize]
    public async Task<IActionResult> Unblock(string handle)
    {
        var blockedId = await IdOfAsync(handle);
        if (blockedId is null) return NotFound();
        await Blocking.UnblockAsync(db, ViewerId!, blockedId);
        return Redirect($"/u/{handle}");
    }

    private Task<string?> IdOfAsync(string handle)
    {
        var normalized = RedMvc.Domain.Accounts.AppUser.NormalizeHandle(handle);
        return db.Users.Where(u => u.Handle == normalized).Select(u => u.Id).SingleOrDefaultAsync();
    }
}
