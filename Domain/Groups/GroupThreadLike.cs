namespace RedMvc.Domain.Groups;

/// <summary>One member likes one thread; the pair is the key.</summary>
public class GroupThreadLike
{
    private GroupThreadLike() { }

    public long ThreadId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
