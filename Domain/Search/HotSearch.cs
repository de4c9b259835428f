namespace RedMvc.Domain.Search;

/// <summary>One line of the hot-search list, replaced whole by the hot-search job.</summary>
public class HotSearch
{
    private HotSearch() { }

    public HotSearch(int rank, string query, string key, int members, DateTime now) =>
        (Rank, Query, Key, Members, ComputedAt) = (rank, query, key, members, now);

    public int Rank { get; private set; }
    public string Query { get; private set; } = "";
    public string Key { get; private set; } = "";

    /// <summary>Members who searched it in the last day.</summary>
    public int Members { get; private set; }

    public DateTime ComputedAt { get; private set; }
}
