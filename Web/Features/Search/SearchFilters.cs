using Microsoft.AspNetCore.WebUtilities;

namespace RedMvc.Web.Features.Search;

/// <summary>
/// The tab, sort and filters of a search, from the address; anything unknown falls back to the default,
/// so a hand-edited address still gets a normal page. Groups arrive as one more tab.
/// </summary>
public sealed record SearchFilters(string Tab, string Sort, string? Channel, string Within, bool Following)
{
    public const string Notes = "notes", People = "people", Products = "products";
    public static readonly string[] Tabs = [Notes, People, Products];
    public static readonly string[] Sorts = ["relevance", "newest", "likes", "comments", "collects"];
    public static readonly string[] Periods = ["any", "day", "week", "halfyear"];

    public static SearchFilters From(string? tab, string? sort, string? channel, string? within, bool following, bool signedIn) => new(
        Tabs.Contains(tab) ? tab! : Notes,
        Sorts.Contains(sort) ? sort! : Sorts[0],
        channel is not null && Channels.IsKnown(channel) && channel != Channels.Recommended ? channel : null,
        Periods.Contains(within) ? within! : Periods[0],
        following && signedIn);

    /// <summary>Published at or after this time, or null for any time.</summary>
    public DateTime? Since(DateTime now) => Within switch
    {
        "day" => now.AddDays(-1),
        "week" => now.AddDays(-7),
        "halfyear" => now.AddMonths(-6),
        _ => null,
    };

    /// <summary>The address of this search with some parts changed; defaults are left out.</summary>
    public string Link(string query, string? tab = null, string? sort = null, string? channel = null, string? within = null, bool? following = null, string? after = null)
    {
        var parts = new Dictionary<string, string?> { ["q"] = query };
        var chosenTab = tab ?? Tab;
        if (chosenTab != Notes) parts["tab"] = chosenTab;
        if (chosenTab == Notes)
        {
            if ((sort ?? Sort) is var s && s != Sorts[0]) parts["sort"] = s;
            if ((channel ?? Channel) is { Length: > 0 } c) parts["channel"] = c;
            if ((within ?? Within) is var w && w != Periods[0]) parts["within"] = w;
            if (following ?? Following) parts["following"] = "true";
        }
        if (after is not null) parts["after"] = after;
        return QueryHelpers.AddQueryString("/search", parts);
    }
}
