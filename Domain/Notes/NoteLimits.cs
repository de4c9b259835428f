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
}
