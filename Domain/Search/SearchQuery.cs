namespace RedMvc.Domain.Search;

/// <summary>
/// What someone typed, made safe for every provider: the first <see cref="MaxLength"/> characters, cut
/// into at most <see cref="MaxTerms"/> words by the same folding as the index (SearchText); all words
/// must match. Query syntax in the input (quotes, *, NEAR, OR, -, parentheses) is only punctuation or a
/// plain word here. A query of only emoji or punctuation has no terms and finds nothing.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 100;
    public const int MaxTerms = 8;

    private SearchQuery(string text, IReadOnlyList<SearchTerm> terms) => (Text, Terms) = (text, terms);

    /// <summary>The query as shown back (trimmed, at most MaxLength characters); never HTML-encoded here.</summary>
    public string Text { get; }

    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? input)
    {
        var text = Shorten((input ?? "").Trim());
        var terms = new List<SearchTerm>();
        foreach (var run in SearchText.Runs(text))
        {
            if (!run.Han) terms.Add(SearchTerm.Latin(run.Text));
            else terms.AddRange(ChineseSegmenter.Instance.Cut(run.Text).Where(w => w.All(SearchText.IsHan)).Select(SearchTerm.Han));
        }
        return new SearchQuery(text, terms.DistinctBy(t => (t.Whole, t.Prefix)).Take(MaxTerms).ToList());
    }

    /// <summary>
    /// The same query with its last Latin word also matching longer words ("lu" finds the handle "lulu_sh"):
    /// for names and titles, where people type the start of what they look for. Words under two letters stay whole.
    /// </summary>
    public SearchQuery WithLastWordAsPrefix()
    {
        if (Terms.Count == 0 || Terms[^1] is not { IsHan: false, Prefix: false } last || last.Whole.Length < 2) return this;
        return new SearchQuery(Text, [.. Terms.Take(Terms.Count - 1), last with { Prefix = true }]);
    }

    /// <summary>The FTS5 MATCH expression; call only when not empty.</summary>
    public string ToFts5() => string.Join(" AND ", Terms.Select(t => t.ToFts5()));

    /// <summary>The to_tsquery('simple', ...) text; call only when not empty.</summary>
    public string ToTsQuery() => string.Join(" & ", Terms.Select(t => t.ToTsQuery()));

    // Cut on a character boundary: never half of a surrogate pair.
    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength) return text;
        var end = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..end];
    }
}
