using System.Globalization;

namespace RedMvc.Web.Features.Shared;

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
