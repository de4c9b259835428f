namespace RedMvc.Domain.Search;

/// <summary>
/// A light English stemmer: plurals only, so "lipsticks" finds "lipstick" and "berries" finds "berry",
/// without the surprises of a full stemmer ("news" stays "news", "camping" stays "camping"). Index and query use it alike.
/// </summary>
public static class LightStemmer
{
    private static readonly HashSet<string> Unchanged = ["news", "series", "species", "always", "perhaps", "lens", "canvas", "atlas", "chaos", "jeans", "glasses"];

    public static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsAsciiLetterLower) || Unchanged.Contains(word)) return word;
        if (word.EndsWith("ies") && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("sses") || word.EndsWith("ches") || word.EndsWith("shes") || word.EndsWith("xes")) return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is")) return word[..^1];
        return word;
    }
}
