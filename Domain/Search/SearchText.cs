using System.Globalization;
using System.Text;

namespace RedMvc.Domain.Search;

/// <summary>
/// Turns text into the tokens the index stores: NFKC (full-width Latin and digits become ASCII),
/// lower case, runs of Han characters cut by jieba in search-engine mode plus every Han bigram (so a
/// two-character query and a word jieba does not know still match), other words lightly stemmed.
/// Everything else (punctuation, emoji, symbols) separates tokens. Every token holds only letters,
/// marks and digits, so it can be written into any provider's query syntax without escaping.
/// </summary>
public static class SearchText
{
    /// <summary>Longer words are cut: nobody searches for them, and they would bloat the index.</summary>
    public const int MaxTokenLength = 40;

    /// <summary>The tokens of a text, space separated, as stored in the index's text columns.</summary>
    public static string ForIndex(string? text)
    {
        var tokens = new List<string>();
        foreach (var run in Runs(text))
        {
            if (!run.Han) tokens.Add(LightStemmer.Stem(run.Text));
            else tokens.AddRange(HanTokens(run.Text));
        }
        return string.Join(' ', tokens);
    }

    /// <summary>Text the way it is compared: NFKC and lower case; null becomes empty.</summary>
    public static string Fold(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The runs of one kind of character in a folded text: Han runs, and words of other letters and digits.</summary>
    public static IEnumerable<TextRun> Runs(string? text)
    {
        var folded = Fold(text);
        var start = 0;
        while (start < folded.Length)
        {
            if (!IsWordChar(folded, start)) { start++; continue; }
            var han = IsHan(folded[start]);
            var end = start + 1;
            while (end < folded.Length && IsWordChar(folded, end) && IsHan(folded[end]) == han) end++;
            var run = folded[start..end];
            yield return new TextRun(han || run.Length <= MaxTokenLength ? run : run[..MaxTokenLength], han);
            start = end;
        }
    }

    /// <summary>Han bigrams of a run, in order; a run of one character is its own token.</summary>
    public static IEnumerable<string> Bigrams(string han)
    {
        if (han.Length == 1) yield return han;
        for (var i = 0; i + 1 < han.Length; i++) yield return han.Substring(i, 2);
    }

    private static IEnumerable<string> HanTokens(string han)
    {
        // Two-character words are bigrams already, and single characters are found through the bigrams
        // they start (a one-character query is a prefix query), so jieba adds only its longer words.
        var words = han.Length > 2 ? ChineseSegmenter.Instance.CutForSearch(han).Where(w => w.Length > 2) : [];
        return words.Concat(Bigrams(han));
    }

    private static bool IsWordChar(string text, int index)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return char.IsLetterOrDigit(text[index])
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && index > 0 && char.IsLetter(text[index - 1]);
    }
}

/// <summary>A run of Han characters, or one word of other letters and digits, already folded.</summary>
public readonly record struct TextRun(string Text, bool Han);
