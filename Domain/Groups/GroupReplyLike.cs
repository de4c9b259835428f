namespace RedMvc.Domain.Groups;

/// <summary>One member likes one reply; the pair is the key.</summary>
public class GroupReplyLike
{
    private GroupReplyLike() { }

    public long ReplyId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
