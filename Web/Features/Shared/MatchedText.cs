using Microsoft.AspNetCore.Html;
using RedMvc.Domain.Search;

namespace RedMvc.Web.Features.Shared;

/// <summary>A search result's title and excerpt in pieces, the matched words marked.</summary>
public sealed record MatchedText(IReadOnlyList<TextPiece> Title, IReadOnlyList<TextPiece> Excerpt);

public static class MatchedHtml
{
    /// <summary>The pieces as HTML: every piece's text encoded by the framework, matched ones in &lt;mark&gt;.</summary>
    public static IHtmlContent Marked(this IReadOnlyList<TextPiece> pieces)
    {
        var html = new HtmlContentBuilder();
        foreach (var piece in pieces)
        {
            if (piece.Match) html.AppendHtml("<mark>").Append(piece.Text).AppendHtml("</mark>");
            else html.Append(piece.Text);
        }
        return html;
    }
}
