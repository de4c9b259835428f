using Microsoft.AspNetCore.Mvc;
using RedMvc.Domain.Notes;

namespace RedMvc.Web.Features.Discover;

public class DiscoverController(DiscoverQueries queries) : Controller
{
    [HttpGet("/following"), Microsoft.AspNetCore.Authorization.Authorize]
    public async Task<IActionResult> Following(string? after)
    {
        var memberId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var page = await queries.FollowingAsync(memberId, FeedCursor.Parse(after));
        return View(new DiscoverPage(DiscoverPage.FollowingTab, Channels.All, page.Cards, page.Next?.ToString()));
    }

    [HttpGet("/")]
    public async Task<IActionResult> Index(string? channel, string? after)
    {
        var selected = Channels.IsKnown(channel) ? channel! : Channels.Recommended;
        var viewerId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var page = await queries.LatestAsync(selected, FeedCursor.Parse(after), viewerId);
        return View(new DiscoverPage(selected, Channels.All, page.Cards, page.Next?.ToString()));
    }
}
