using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RedMvc.Domain.Notes;
using RedMvc.Web.Infrastructure;

namespace RedMvc.Web.Features.Discover;

public class DiscoverController(DiscoverQueries queries) : Controller
{
    [HttpGet("/following"), Authorize]
    public async Task<IActionResult> Following(string? after)
    {
        var page = await queries.FollowingAsync(User.Id()!, FeedCursor.Parse(after));
        return View(new DiscoverPage(DiscoverPage.FollowingTab, Channels.All, page.Cards, page.Next?.ToString()));
    }

    [HttpGet("/")]
    public async Task<IActionResult> Index(string? channel, string? after)
    {
        var selected = Channels.IsKnown(channel) ? channel! : Channels.Recommended;
        var page = await queries.LatestAsync(selected, FeedCursor.Parse(after), User.Id());
        return View(new DiscoverPage(selected, Channels.All, page.Cards, page.Next?.ToString()));
    }
}
