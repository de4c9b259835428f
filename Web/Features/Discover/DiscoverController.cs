using Microsoft.AspNetCore.OutputCaching;
using RedMvc.Domain.Social;
using RedMvc.Web.Seed;

namespace RedMvc.Web.Features.Discover;

public class DiscoverController(DiscoverQueries queries, PersonalMix mix, HotTopics topics, AppDbContext db, UserManager<AppUser> users, TimeProvider clock,
    DemoProgress demo) : Controller
{
    [HttpGet("/following"), Authorize]
    public async Task<IActionResult> Following(string? after)
    {
        var page = await queries.FollowingAsync(User.Id()!, FeedCursor.Parse(after));
        return View(new DiscoverPage(DiscoverPage.FollowingTab, Channels.All, page.Cards, page.Next));
    }

    /// <summary>Visitors get the trending order (output-cached, see OutputCaching); members their mix or newest first.</summary>
    [HttpGet("/"), OutputCache(PolicyName = OutputCaching.VisitorPages)]
    public async Task<IActionResult> Index(string? channel, string? after)
    {
        var selected = Channels.IsKnown(channel) ? channel! : Channels.Recommended;
        var memberId = User.Id();
        bool? chronological = null;
        DiscoverQueries.FeedPage page;
        if (memberId is null)
        {
            // A newest-first cursor continues the fallback order of a site the trends job has not reached yet.
            page = FeedCursor.Parse(after) is { } newest
                ? await queries.LatestAsync(selected, newest, null)
                : await queries.TrendingAsync(selected, TrendCursor.Parse(after));
        }
        else
        {
            chronological = await db.Users.Where(u => u.Id == memberId).Select(u => u.PrefersChronologicalFeed).SingleOrDefaultAsync();
            page = chronological.Value
                ? await queries.LatestAsync(selected, FeedCursor.Parse(after), memberId)
                : await mix.PageAsync(memberId, selected, MixCursor.Parse(after));
        }
        var hotTopics = after is null ? await topics.TopAsync(HotTopics.OnDiscover) : [];
        var demoStatus = await demo.StatusAsync(db);
        // Progress changes by the second: not kept for the next visitor.
        if (demoStatus is not null && HttpContext.Features.Get<IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
        return View(new DiscoverPage(selected, Channels.All, page.Cards, page.Next) { Chronological = chronological, HotTopics = hotTopics, Demo = demoStatus });
    }

    /// <summary>The member's switch between the personal mix and newest first; it stays until switched back.</summary>
    [HttpPost("/discover/order"), Authorize]
    public async Task<IActionResult> Order(bool chronological, string? channel)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.PrefersChronologicalFeed != chronological)
        {
            user.PrefersChronologicalFeed = chronological;
            await users.UpdateAsync(user);
        }
        return Redirect(Channels.IsKnown(channel) && channel != Channels.Recommended ? $"/?channel={channel}" : "/");
    }

    /// <summary>"Not interested": the note leaves this member's discover feeds for good.</summary>
    [HttpPost("/notes/{id:long}/not-interested"), Authorize]
    public async Task<IActionResult> NotInterested(long id, string? returnUrl)
    {
        if (!await NoteAccess.CanSeeAsync(db, id, User.Id())) return NotFound();
        await NotInterestedNotes.MarkAsync(db, User.Id()!, id, clock.GetUtcNow().UtcDateTime);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
