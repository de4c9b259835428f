namespace RedMvc.Domain.Notes;

/// <summary>The discover channels from PRODUCT.md. The key is stable (URLs, data); names are UI resources "Channel.{Key}".</summary>
public static class Channels
{
    public const string Recommended = "recommend";

    public static readonly IReadOnlyList<string> All =
        [Recommended, "fashion", "food", "beauty", "film", "career", "relationships", "home", "games", "travel", "fitness"];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key);
}
