using RedMvc.Domain.Time;

namespace RedMvc.Web.Features.Notes;

/// <summary>The posting and editing form. Photos arrive as files; on edit, KeepPhotoIds lists the kept ones in order.</summary>
public class NoteForm
{
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string Channel { get; set; } = "";
    public string? Place { get; set; }
    public NoteVisibility Visibility { get; set; } = NoteVisibility.Public;
    public bool AiAssisted { get; set; }
    public PostAction Action { get; set; } = PostAction.Publish;

    /// <summary>Wall-clock date and time from the datetime-local input, in TimeZone.</summary>
    public DateTime? ScheduleAt { get; set; }

    /// <summary>The IANA zone the page showed and the member typed in (the reader's zone); junk falls back to it.</summary>
    public string? TimeZone { get; set; }

    public List<IFormFile> Photos { get; set; } = [];
    public List<long> KeepPhotoIds { get; set; } = [];

    /// <summary>The author's description of each kept photo, by photo id (AltTexts[12]=...).</summary>
    public Dictionary<long, string?> AltTexts { get; set; } = [];

    /// <summary>The order line this note reviews (from the review invitation); checked again on save.</summary>
    public long? ReviewLineId { get; set; }

    public NoteContent ToContent() => new(Title ?? "", Body ?? "", Channel ?? "", Place, Visibility, AiAssisted);

    public DateTime? ScheduleAtUtc(Times reader) =>
        ScheduleAt is { } local ? reader.In(TimeZones.Find(TimeZone) ?? reader.Zone).ToUtc(local) : null;
}

/// <summary>What the form page needs besides the form itself.</summary>
public record NoteFormPage(NoteForm Form, long? NoteId, IReadOnlyList<PhotoView> ExistingPhotos, NoteLimits Limits, long MaxFileBytes)
{
    /// <summary>"Product (variant)" when the note is a review of a purchase.</summary>
    public string? Reviewing { get; init; }
}
