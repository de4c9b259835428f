namespace RedMvc.Domain.Social;

/// <summary>A member said "not interested" in a note: it never appears in their discover feed again.</summary>
public class NotInterested
{
    private NotInterested() { }

    public NotInterested(string userId, long noteId, DateTime now)
    {
        UserId = userId;
        NoteId = noteId;
        CreatedAt = now;
    }

    public string UserId { get; private set; } = "";
    public long NoteId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
