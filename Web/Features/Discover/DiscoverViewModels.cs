using System.Globalization;
using RedMvc.Domain.Ranking;

namespace RedMvc.Web.Features.Discover;

/// <summary>
/// A discover page. Chronological is the member's switch between their mix and newest first (null
/// for visitors, who get the trending order); HotTopics show above the first page.
/// </summary>
public record DiscoverPage(string Channel, IReadOnlyList<string> Channels, IReadOnlyList<NoteCard> Cards, string? NextCursor)
{
    public const string FollowingTab = "following";

    public bool? Chronological { get; init; }
    public IReadOnlyList<HotTopic> HotTopics { get; init; } = [];

    /// <summary>Set while the demo content is still being prepared behind a first run.</summary>
    public Seed.DemoStatus? Demo { get; init; }

    public string MoreUrl => Channel switch
    {
        FollowingTab => $"/following?after={NextCursor}",
        RedMvc.Domain.Notes.Channels.Recommended => $"/?after={NextCursor}",
        _ => $"/?channel={Channel}&after={NextCursor}",
    };
}

/// <summary>Position in a member's computed mix ("m{offset}"); see PersonalMix for why an offset is right there.</summary>
public record MixCursor(int Offset)
{
    public override string ToString() => $"m{Offset.ToString(CultureInfo.InvariantCulture)}";

    public static MixCursor? Parse(string? value) =>
        value is ['m', ..] && int.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? new MixCursor(offset) : null;
}
