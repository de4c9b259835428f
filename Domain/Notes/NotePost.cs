namespace RedMvc.Domain.Notes;

/// <summary>
/// What an author submits when posting or editing: the content, what to do with it, the photos kept
/// (by id, in the order wanted; the first is the cover), how many new ones come with it, and the
/// author's descriptions of kept photos by id (an empty one removes the description).
/// </summary>
public record NotePost(NoteContent Content, PostAction Action, DateTime? ScheduleAt, IReadOnlyList<long> KeepPhotoIds, int NewPhotoCount,
    IReadOnlyDictionary<long, string?>? AltTexts = null)
{
    public const string PhotosField = "Photos";
    public const string AltTextsField = "AltTexts";
    public const string ScheduleField = "ScheduleAt";
}
