namespace RedMvc.Domain.Search;

/// <summary>
/// Splits a text into pieces to show, marking the words a query matched: Han words where they occur,
/// other words whose folded, stemmed form is a query word. The pieces are plain text for Razor to
/// encode; nothing of the query is ever written as HTML.
/// </summary>
public static class Highlighter
{
    public static IReadOnlyList<TextPiece> Pieces(string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text)) return [];
        if (query.IsEmpty) return [new TextPiece(text, false)];
        var marked = new bool[text.Length];
        foreach (var term in query.Terms.Where(t => t.IsHan)) MarkOccurrences(text, term.Surface, marked);
        MarkWords(text, query.Terms.Where(t => !t.IsHan && !t.Prefix).Select(t => t.Whole).ToHashSet(),
            query.Terms.Where(t => !t.IsHan && t.Prefix).Select(t => t.Whole).ToList(), marked);
        return Join(text, marked);
    }

    /// <summary>
    /// About <paramref name="length"/> characters of a body around its first match (its start when nothing
    /// matched), with "…" where text was left out, marked like <see cref="Pieces"/>.
    /// </summary>
    public static IReadOnlyList<TextPiece> Excerpt(string? text, SearchQuery query, int length)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var firstMatch = 0;
        foreach (var piece in Pieces(text, query))
        {
            if (piece.Match) break;
            firstMatch += piece.Text.Length;
        }
        if (firstMatch >= text.Length) firstMatch = 0;
        var start = Math.Max(0, firstMatch - length / 4);
        var end = Math.Min(text.Length, start + length);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var window = text[start..end].ReplaceLineEndings(" ");
        var pieces = Pieces(window, query).ToList();
        if (start > 0) pieces.Insert(0, new TextPiece("…", false));
        if (end < text.Length) pieces.Add(new TextPiece("…", false));
        return pieces;
    }

    private static void MarkOccurrences(string text, string word, bool[] marked)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            Array.Fill(marked, true, at, word.Length);
    }

    private static void MarkWords(string text, HashSet<string> stems, List<string> prefixes, bool[] marked)
    {
        if (stems.Count == 0 && prefixes.Count == 0) return;
        var start = 0;
        while (start < text.Length)
        {
            if (!char.IsLetterOrDigit(text[start]) || SearchText.IsHan(text[start])) { start++; continue; }
            var end = start + 1;
            while (end < text.Length && char.IsLetterOrDigit(text[end]) && !SearchText.IsHan(text[end])) end++;
            var word = SearchText.Fold(text[start..end]);
            if (stems.Contains(LightStemmer.Stem(word)) || prefixes.Any(p => word.StartsWith(p, StringComparison.Ordinal)))
                Array.Fill(marked, true, start, end - start);
            start = end;
        }
    }

    private static List<TextPiece> Join(string text, bool[] marked)
    {
        var pieces = new List<TextPiece>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && marked[i] == marked[start]) continue;
            pieces.Add(new TextPiece(text[start..i], marked[start]));
            start = i;
        }
        return pieces;
    }
}

/// <summary>A piece of a shown text; Match when a query word matched it.</summary>
public readonly record struct TextPiece(string Text, bool Match);
