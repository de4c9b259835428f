namespace RedMvc.Domain.Text;

/// <summary>User text as it is stored (normalised) and what is wrong with it, if anything.</summary>
public readonly record struct CheckedText(string Value, TextProblem? Problem)
{
    public const string TooManyMarksKey = "Text.Error.TooManyMarks";
    public const string NotAllowedKey = "Text.Error.NotAllowed";

    /// <summary>The stored value of an optional field: null when nothing is left.</summary>
    public string? OrNull => Value.Length == 0 ? null : Value;

    /// <summary>The resource key of the message: the field's own for empty and too long, the shared ones otherwise; null when fine.</summary>
    public string? ErrorKey(string emptyKey, string tooLongKey) => Problem switch
    {
        null => null,
        TextProblem.Empty => emptyKey,
        TextProblem.TooLong => tooLongKey,
        _ => SharedKey(Problem.Value),
    };

    /// <summary>The message of a problem that is about the characters rather than the field's limits.</summary>
    public static string SharedKey(TextProblem problem) => problem == TextProblem.TooManyMarks ? TooManyMarksKey : NotAllowedKey;

    /// <summary>The same for a field that may be left empty.</summary>
    public string? ErrorKey(string tooLongKey) => ErrorKey(tooLongKey, tooLongKey);
}
