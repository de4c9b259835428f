namespace RedMvc.Domain.Groups;

/// <summary>How far a member has read a thread: the newest reply id they were shown. "Jump to first unread" starts after it.</summary>
public class ThreadRead
{
    private ThreadRead() { }

    public long ThreadId { get; private set; }
    public string UserId { get; private set; } = "";
    public long LastReadReplyId { get; private set; }
}
