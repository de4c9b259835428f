using RedMvc.Domain.Notes;
using RedMvc.Web.Features.Shared;

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

    /// <summary>Local date and time from the datetime-local input, read with TimeZoneOffsetMinutes.</summary>
    public DateTime? ScheduleAt { get; set; }

    /// <summary>Minutes east of UTC; script fills in the browser's, otherwise China time.</summary>
    public int TimeZoneOffsetMinutes { get; set; } = 480;

    public List<IFormFile> Photos { get; set; } = [];
    public List<long> KeepPhotoIds { get; set; } = [];

    /// <summary>The order line this note reviews (from the review invitation); checked again on save.</summary>
    public long? ReviewLineId { get; set; }

    public NoteContent ToContent() => new(Title ?? "", Body ?? "", Channel ?? "", Place, Visibility, AiAssisted);

    public DateTime? ScheduleAtUtc() =>
        ScheduleAt is { } local ? DateTime.SpecifyKind(local.AddMinutes(-TimeZoneOffsetMinutes), DateTimeKind.Utc) : null;
}

/// <summary>What the form page needs besides the form itself.</summary>
public record NoteFormPage(NoteForm Form, long? NoteId, IReadOnlyList<PhotoView> ExistingPhotos, NoteLimits Limits, long MaxFileBytes)
{
    /// <summary>"Product (variant)" when the note is a review of a purchase.</summary>
    public string? Reviewing { get; init; }
}
