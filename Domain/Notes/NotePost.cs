namespace RedMvc.Domain.Notes;

/// <summary>
/// What an author submits when posting or editing: the content, what to do with it, the photos kept
/// (by id, in the order wanted; the first is the cover) and how many new ones come with it.
/// </summary>
public record NotePost(NoteContent Content, PostAction Action, DateTime? ScheduleAt, IReadOnlyList<long> KeepPhotoIds, int NewPhotoCount)
{
    public const string PhotosField = "Photos";
    public const string ScheduleField = "ScheduleAt";
}
