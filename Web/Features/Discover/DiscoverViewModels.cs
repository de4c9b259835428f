using System.Globalization;
using RedMvc.Domain.Ranking;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Discover;

/// <summary>
/// A discover page. Chronological is the member's switch between their mix and newest first (null
/// for visitors, who get the trending order); HotTopics show above the first page.
/// </summary>
public record DiscoverPage(string Channel, IReadOnlyList<string> Channels, IReadOnlyList<NoteCard> Cards, string? NextCursor)
{
    public const string FollowingTab = "following";

    public bool? Chronological { get; init; }
    public IReadOnlyList<Topics.HotTopic> HotTopics { get; init; } = [];

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

/// <summary>
/// Keyset position in the trending order: the last card's stored score and note id ("s{bits}-{id}",
/// the score's exact bits so equality holds). Stored scores do not move when the job reruns (TrendMaths.StoredScore).
/// </summary>
public record TrendCursor(double Score, long NoteId)
{
    public override string ToString() =>
        $"s{BitConverter.DoubleToInt64Bits(Score).ToString(CultureInfo.InvariantCulture)}-{NoteId.ToString(CultureInfo.InvariantCulture)}";

    public static TrendCursor? Parse(string? value)
    {
        var parts = value is ['s', ..] ? value[1..].Split('-') : null;
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var score = BitConverter.Int64BitsToDouble(bits);
        return double.IsFinite(score) ? new TrendCursor(score, id) : null;
    }
}

/// <summary>Position in a member's computed mix ("m{offset}"); see PersonalMix for why an offset is right there.</summary>
public record MixCursor(int Offset)
{
    public override string ToString() => $"m{Offset.ToString(CultureInfo.InvariantCulture)}";

    public static MixCursor? Parse(string? value) =>
        value is ['m', ..] && int.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? new MixCursor(offset) : null;
}

/// <summary>The resource key and argument of a card's "why" line.</summary>
public static class ReasonText
{
    public static (string Key, string? Argument) Of(MixReason reason) => reason.Kind switch
    {
        ReasonKind.FollowedAuthor => ("Why.FollowedAuthor", null),
        ReasonKind.LikedTopic => ("Why.LikedTopic", "#" + reason.Label),
        ReasonKind.Channel => ("Why.Channel", reason.Label),
        ReasonKind.LikedAuthor => ("Why.LikedAuthor", null),
        _ => ("Why.Trending", null),
    };
}
