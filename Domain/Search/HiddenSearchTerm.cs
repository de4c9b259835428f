namespace RedMvc.Domain.Search;

/// <summary>A folded query staff keep off the hot list (and out of suggestions from it).</summary>
public class HiddenSearchTerm
{
    private HiddenSearchTerm() { }

    public HiddenSearchTerm(string key, string hiddenById, DateTime now) => (Key, HiddenById, HiddenAt) = (key, hiddenById, now);

    public string Key { get; private set; } = "";

    /// <summary>The staff member; not a member's own data, so it stays as it is when they leave (no foreign key).</summary>
    public string HiddenById { get; private set; } = "";

    public DateTime HiddenAt { get; private set; }
}
