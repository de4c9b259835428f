using System.Globalization;
using System.Text;

namespace RedMvc.Domain.Text;

/// <summary>
/// The one place user text is measured and cleaned before it is stored: NFC, \n line breaks, trimmed;
/// nothing visible counts as empty; visible characters (graphemes) are limited, and so are the stored
/// UTF-16 units and the combining marks stacked on one character, which graphemes alone would let through.
/// </summary>
public static class UserText
{
    /// <summary>Real scripts stack a few (Vietnamese two, Devanagari and Tibetan up to five); Zalgo stacks dozens.</summary>
    public const int MaxMarksPerCharacter = 8;

    /// <summary>Characters as a reader sees them: an emoji, a flag or a CJK character counts as one.</summary>
    public static int Length(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Cleans raw input and checks it against the rule. Cheap checks come first, so a huge value is
    /// refused before normalisation or grapheme counting touch it.
    /// </summary>
    public static CheckedText Check(string? raw, TextRule rule)
    {
        var text = raw ?? "";
        if (rule.MultiLine) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        text = text.Trim();
        if (text.Length > rule.MaxUnits) return new(text, TextProblem.TooLong);
        if (HasBrokenSurrogates(text)) return new(text, TextProblem.NotAllowed);
        text = text.Normalize(NormalizationForm.FormC);
        if (text.Length > rule.MaxUnits) return new(text, TextProblem.TooLong);
        if (!IsAllowed(text, rule.MultiLine)) return new(text, TextProblem.NotAllowed);
        if (HasTooManyMarks(text)) return new(text, TextProblem.TooManyMarks);
        if (IsInvisible(text)) return new("", rule.Required ? TextProblem.Empty : null);
        return Length(text) > rule.MaxLength ? new(text, TextProblem.TooLong) : new(text, null);
    }

    /// <summary>True when no character would show: whitespace, zero-width, format characters, marks without a base, fillers.</summary>
    public static bool IsInvisible(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsFiller(rune)) continue;
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)) return false;
        }
        return true;
    }

    // Letters and symbols that draw nothing, used to fake an empty name (Hangul fillers, the blank Braille cell).
    private static bool IsFiller(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    private static bool HasBrokenSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
            i++;
        }
        return false;
    }

    /// <summary>
    /// Control characters are refused (text areas keep \n and \t). One-line fields also refuse line and
    /// paragraph separators and the bidi embeddings, overrides and isolates: a name with U+202E can
    /// show itself as someone else's.
    /// </summary>
    private static bool IsAllowed(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (multiLine && c is '\n' or '\t') continue;
            if (char.IsControl(c)) return false;
            if (!multiLine && c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')) return false;
        }
        return true;
    }

    // Format characters (ZWJ, ZWNJ) between marks do not start a new character, so they do not reset the count.
    private static bool HasTooManyMarks(string text)
    {
        var marks = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    if (++marks > MaxMarksPerCharacter) return true;
                    break;
                case UnicodeCategory.Format:
                    break;
                default:
                    marks = 0;
                    break;
            }
        }
        return false;
    }
}
