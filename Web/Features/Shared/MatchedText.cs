using RedMvc.Domain.Search;

namespace RedMvc.Web.Features.Shared;

/// <summary>A search result's title and excerpt in pieces, the matched words marked; Razor encodes every piece.</summary>
public sealed record MatchedText(IReadOnlyList<TextPiece> Title, IReadOnlyList<TextPiece> Excerpt);
