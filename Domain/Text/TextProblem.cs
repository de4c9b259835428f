namespace RedMvc.Domain.Text;

/// <summary>Why a piece of user text is refused.</summary>
public enum TextProblem
{
    /// <summary>Nothing a reader would see: empty, whitespace, zero-width or format characters only.</summary>
    Empty,

    /// <summary>More visible characters than the limit, or more stored UTF-16 units than the cap.</summary>
    TooLong,

    /// <summary>More combining marks stacked on one character than any script needs (Zalgo text).</summary>
    TooManyMarks,

    /// <summary>Control characters, text-direction overrides in a one-line field, or broken UTF-16.</summary>
    NotAllowed,
}
