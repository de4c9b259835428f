using RedMvc.Domain.Text;

namespace RedMvc.Domain.Moderation;

/// <summary>What happens to a post that contains a screened phrase.</summary>
public enum ScreenAction
{
    /// <summary>Refused at posting, with a message naming the phrase; nothing is saved.</summary>
    Block = 1,

    /// <summary>Saved, but seen only by its author until staff approve it.</summary>
    Hold = 2,
}

/// <summary>
/// One word or phrase on the staff-kept screening list. It is stored folded (NFKC, lower case, single
/// spaces) as well as as written, so matching never folds the list again and a phrase is on it once.
/// </summary>
public class ScreenedPhrase
{
    public const int PhraseMaxLength = 50;
    public const int NoteMaxLength = 200;

    /// <summary>NFKC may lengthen a phrase ("㎏" is "kg"); a folded phrase longer than this is refused.</summary>
    public const int FoldedMaxLength = 600;
    public static readonly TextRule PhraseRule = TextRule.Line(PhraseMaxLength, required: true);
    public static readonly TextRule NoteRule = TextRule.Line(NoteMaxLength);

    private ScreenedPhrase() { }

    public long Id { get; private set; }
    public string Phrase { get; private set; } = "";
    public string Folded { get; private set; } = "";
    public ScreenAction Action { get; private set; }

    /// <summary>The staff member who added it, kept as staff's record (AccountErasure leaves it, as the audit log does).</summary>
    public string AddedById { get; private set; } = "";

    public DateTime AddedAt { get; private set; }
    public string? Note { get; private set; }

    /// <summary>A phrase already checked with PhraseRule and NoteRule (Screening.AddAsync does).</summary>
    public static ScreenedPhrase Of(string phrase, ScreenAction action, string addedById, string? note, DateTime now) => new()
    {
        Phrase = phrase,
        Folded = Screening.Fold(phrase),
        Action = action,
        AddedById = addedById,
        Note = note,
        AddedAt = now,
    };
}
