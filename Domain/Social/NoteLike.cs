namespace RedMvc.Domain.Social;

/// <summary>One member likes one note; the pair is the key, so a like exists at most once.</summary>
public class NoteLike
{
    private NoteLike() { }

    public NoteLike(long noteId, string userId, DateTime now)
    {
        NoteId = noteId;
        UserId = userId;
        CreatedAt = now;
    }

    public long NoteId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
