using System.Text.RegularExpressions;

namespace RedMvc.Domain.Notes;

/// <summary>Reading a note's text as people read it.</summary>
public static partial class NoteText
{
    public const int TopicMaxLength = 20;

    /// <summary>#topics in order of first appearance, without the '#', case kept, duplicates removed.</summary>
    public static IReadOnlyList<string> Topics(string? text) =>
        string.IsNullOrEmpty(text) ? [] : TopicPattern().Matches(text).Select(m => m.Groups[1].Value)
            .DistinctBy(t => t.ToLowerInvariant()).ToList();

    /// <summary>@handles in order of first appearance, lower-cased, duplicates removed.</summary>
    public static IReadOnlyList<string> Mentions(string? text) =>
        string.IsNullOrEmpty(text) ? [] : MentionPattern().Matches(text).Select(m => m.Groups[1].Value.ToLowerInvariant())
            .Distinct().ToList();

    // A topic is letters (any script), digits and '_' after '#', up to 20 of them.
    [GeneratedRegex(@"#([\p{L}\p{N}_]{1,20})")]
    private static partial Regex TopicPattern();

    // Handles follow AppUser.IsValidHandle; an '@' inside an email address is not a mention.
    [GeneratedRegex(@"(?<![\w.])@([A-Za-z0-9][A-Za-z0-9_.]{2,19})(?![\w])")]
    private static partial Regex MentionPattern();
}
