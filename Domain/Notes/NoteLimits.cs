using RedMvc.Domain.Text;

namespace RedMvc.Domain.Notes;

/// <summary>Bound from "Notes". Defaults follow PRODUCT.md.</summary>
public class NoteLimits
{
    public int TitleMaxLength { get; set; } = 20;
    public int BodyMaxLength { get; set; } = 1000;
    public int MinPhotos { get; set; } = 1;
    public int MaxPhotos { get; set; } = 18;
    public int MaxTopics { get; set; } = 10;
    public int PlaceMaxLength { get; set; } = 40;
    public TimeSpan MinScheduleAhead { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan MaxScheduleAhead { get; set; } = TimeSpan.FromDays(14);

    public TextRule TitleRule => TextRule.Line(TitleMaxLength, required: true);
    public TextRule BodyRule => TextRule.Lines(BodyMaxLength);
    public TextRule PlaceRule => TextRule.Line(PlaceMaxLength);

    public bool IsInScheduleWindow(DateTime at, DateTime now) => at >= now + MinScheduleAhead && at <= now + MaxScheduleAhead;

    /// <summary>The resource key of what is wrong with this many photos, or null. Drafts may have none.</summary>
    public string? PhotoCountProblem(int photos, bool goingLive) =>
        photos > MaxPhotos ? "Note.Error.TooManyPhotos"
        : goingLive && photos < MinPhotos ? "Note.Error.PhotosRequired"
        : null;
}
