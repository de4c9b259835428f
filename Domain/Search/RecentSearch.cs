namespace RedMvc.Domain.Search;

/// <summary>
/// A query a member ran, once per member and folded query (searching again moves it up). Shown to them
/// as recent searches until they clear them, and counted by the hot-search job (one count per member).
/// </summary>
public class RecentSearch
{
    public const int QueryMaxLength = SearchQuery.MaxLength;

    private RecentSearch() { }

    public RecentSearch(string userId, string query, DateTime now)
    {
        UserId = userId;
        Query = query;
        Key = KeyOf(query);
        SearchedAt = now;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>As typed (trimmed, spaces collapsed).</summary>
    public string Query { get; private set; } = "";

    /// <summary>Folded (case, width) so "DIOR" and "dior" are one query.</summary>
    public string Key { get; private set; } = "";

    public DateTime SearchedAt { get; private set; }

    public void SearchedAgain(string query, DateTime now) => (Query, SearchedAt) = (query, now);

    public static string KeyOf(string query) => string.Join(' ', SearchText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
