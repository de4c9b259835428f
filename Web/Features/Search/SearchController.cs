using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Domain.Search;

namespace RedMvc.Web.Features.Search;

/// <summary>
/// /search: notes (default), people and products for a query; hot and recent searches without one.
/// Any text is a valid query (SearchQuery makes it safe), so a search never fails on what was typed.
/// </summary>
[Route("search"), EnableRateLimiting(RateLimits.Search)]
public class SearchController(AppDbContext db, SearchQueries queries, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? tab, string? sort, string? channel, string? within, bool following = false, string? after = null)
    {
        var viewerId = User.Id();
        var query = SearchQuery.Parse(q);
        var filters = SearchFilters.From(tab, sort, channel, within, following, viewerId is not null);
        var cursor = SearchCursor.Parse(after);
        var now = clock.GetUtcNow().UtcDateTime;
        if (query.Text.Length == 0)
        {
            var recent = viewerId is null ? [] : await SearchHistory.RecentAsync(db, viewerId);
            return View(new SearchPage(query, filters, [], [], [], null, await SearchHistory.HotAsync(db), recent));
        }
        if (viewerId is not null && cursor is null) await SearchHistory.RecordAsync(db, viewerId, query, now);
        if (query.IsEmpty) return View(new SearchPage(query, filters, [], [], [], null, await SearchHistory.HotAsync(db), []));
        var page = filters.Tab switch
        {
            SearchFilters.People => await PeoplePageAsync(query, filters, viewerId, cursor),
            SearchFilters.Products => await ProductsPageAsync(query, filters, viewerId, cursor),
            _ => await NotesPageAsync(query, filters, viewerId, cursor, now),
        };
        return View(page.Found || cursor is not null ? page : page with { Hot = await SearchHistory.HotAsync(db) });
    }

    /// <summary>Suggestions while typing in the top-bar box (JSON); the box works as a plain form without them.</summary>
    [HttpGet("suggest")]
    public async Task<IActionResult> Suggest(string? q) => Json(await queries.SuggestAsync(q, User.Id()));

    [HttpPost("recent/clear"), Authorize]
    public async Task<IActionResult> ClearRecent()
    {
        await SearchHistory.ClearAsync(db, User.Id()!);
        return Redirect("/search");
    }

    /// <summary>Staff keep a term off the hot list (the staff area will list hidden terms later).</summary>
    [HttpPost("hot/hide"), Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> HideHot(string? term)
    {
        if (!string.IsNullOrWhiteSpace(term)) await SearchHistory.HideAsync(db, term, User.Id()!, clock.GetUtcNow().UtcDateTime);
        return Redirect("/search");
    }

    private async Task<SearchPage> NotesPageAsync(SearchQuery query, SearchFilters filters, string? viewerId, SearchCursor? cursor, DateTime now)
    {
        var found = await queries.NotesAsync(query, filters, viewerId, cursor, now);
        return new SearchPage(query, filters, found.Cards, [], [], found.Next is null ? null : filters.Link(query.Text, after: found.Next), [], [])
        {
            EndedAtNewest = found.EndedAtNewest,
        };
    }

    private async Task<SearchPage> PeoplePageAsync(SearchQuery query, SearchFilters filters, string? viewerId, SearchCursor? cursor)
    {
        var found = await queries.PeopleAsync(query.WithLastWordAsPrefix(), viewerId, cursor);
        return new SearchPage(query, filters, [], found.People, [], found.Next is null ? null : filters.Link(query.Text, after: found.Next), [], [])
        {
            EndedAtNewest = found.EndedAtNewest,
        };
    }

    private async Task<SearchPage> ProductsPageAsync(SearchQuery query, SearchFilters filters, string? viewerId, SearchCursor? cursor)
    {
        var (products, next) = await queries.ProductsAsync(query.WithLastWordAsPrefix(), viewerId, cursor);
        return new SearchPage(query, filters, [], [], products, next is null ? null : filters.Link(query.Text, after: next), [], []);
    }
}
