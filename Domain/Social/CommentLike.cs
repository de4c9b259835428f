namespace RedMvc.Domain.Social;

/// <summary>One member likes one comment; the pair is the key, so a like exists at most once.</summary>
public class CommentLike
{
    private CommentLike() { }

    public CommentLike(long commentId, string userId, DateTime now)
    {
        CommentId = commentId;
        UserId = userId;
        CreatedAt = now;
    }

    public long CommentId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
