using System.Globalization;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Discover;

public record DiscoverPage(string Channel, IReadOnlyList<string> Channels, IReadOnlyList<NoteCard> Cards, string? NextCursor)
{
    public const string FollowingTab = "following";

    public string MoreUrl => Channel switch
    {
        FollowingTab => $"/following?after={NextCursor}",
        RedMvc.Domain.Notes.Channels.Recommended => $"/?after={NextCursor}",
        _ => $"/?channel={Channel}&after={NextCursor}",
    };
}

/// <summary>Keyset position in the feed: the last card's publish time and id ("ticks-id").</summary>
public record FeedCursor(DateTime PublishedAt, long Id)
{
    public override string ToString() => $"{PublishedAt.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    public static FeedCursor? Parse(string? value)
    {
        var parts = value?.Split('-');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return null;
        return new FeedCursor(new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
