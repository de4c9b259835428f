namespace RedMvc.Web.Features.Shared;

/// <summary>A note with the time a list sorts it by (see NoteCards.ByTimeAsync). A class, so EF can filter on its members.</summary>
public sealed class TimedNote
{
    public DateTime At { get; init; }
    public Note Note { get; init; } = null!;
}
