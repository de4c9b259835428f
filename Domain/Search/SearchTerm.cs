namespace RedMvc.Domain.Search;

/// <summary>
/// One word of a query and how the index may match it: the whole token, or else every one of its Han
/// bigrams (a word jieba cut differently in the note), or, for one Han character, any bigram it starts.
/// Tokens hold only letters, marks and digits (SearchText), so writing them into a query needs no escaping.
/// </summary>
public sealed record SearchTerm(string Surface, string Whole, IReadOnlyList<string> Bigrams, bool Prefix)
{
    public static SearchTerm Latin(string word) => new(word, LightStemmer.Stem(word), [], false);

    public static SearchTerm Han(string word) => word.Length switch
    {
        1 => new(word, word, [], true),
        2 => new(word, word, [], false),
        _ => new(word, word, SearchText.Bigrams(word).ToList(), false),
    };

    public bool IsHan => SearchText.IsHan(Surface[0]);

    /// <summary>SQLite FTS5: "token", "token" OR ("b1" AND "b2"), "c"* (every token double-quoted: NEAR, OR, * are then plain words).</summary>
    public string ToFts5()
    {
        if (Prefix) return $"{Quote(Whole)}*";
        if (Bigrams.Count == 0) return Quote(Whole);
        return $"({Quote(Whole)} OR ({string.Join(" AND ", Bigrams.Select(Quote))}))";
    }

    /// <summary>PostgreSQL to_tsquery: 'token', ('token' | ('b1' &amp; 'b2')), 'c':*.</summary>
    public string ToTsQuery()
    {
        if (Prefix) return $"'{Whole}':*";
        if (Bigrams.Count == 0) return $"'{Whole}'";
        return $"('{Whole}' | ({string.Join(" & ", Bigrams.Select(b => $"'{b}'"))}))";
    }

    /// <summary>LIKE patterns over " " + text + " " for SQL Server: any one of the returned sets, each set all of its patterns.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ToLikePatterns()
    {
        if (Prefix) return [[$"% {Whole}%"]];
        var whole = new[] { $"% {Whole} %" };
        return Bigrams.Count == 0 ? [whole] : [whole, Bigrams.Select(b => $"% {b} %").ToList()];
    }

    private static string Quote(string token) => $"\"{token.Replace("\"", "\"\"")}\"";
}
