using Microsoft.AspNetCore.Mvc;
using RedMvc.Domain.Notes;

namespace RedMvc.Web.Features.Discover;

public class DiscoverController(DiscoverQueries queries) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(string? channel, string? after)
    {
        var selected = Channels.IsKnown(channel) ? channel! : Channels.Recommended;
        var page = await queries.LatestAsync(selected, FeedCursor.Parse(after));
        return View(new DiscoverPage(selected, Channels.All, page.Cards, page.Next?.ToString()));
    }
}
