namespace RedMvc.Domain.Social;

/// <summary>Follower follows Followee. Two follows in opposite directions make mutual followers.</summary>
public class Follow
{
    private Follow() { }

    public Follow(string followerId, string followeeId, DateTime now)
    {
        if (followerId == followeeId) throw new InvalidOperationException("Nobody follows themselves.");
        FollowerId = followerId;
        FolloweeId = followeeId;
        CreatedAt = now;
    }

    public string FollowerId { get; private set; } = "";
    public string FolloweeId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
