namespace RedMvc.Domain.Groups;

/// <summary>A member watches a thread (hears of every reply) or mutes it (hears of nothing in it); the pair is the key.</summary>
public class ThreadWatch
{
    private ThreadWatch() { }

    public ThreadWatch(long threadId, string userId, WatchLevel level)
    {
        ThreadId = threadId;
        UserId = userId;
        Level = level;
    }

    public long ThreadId { get; private set; }
    public string UserId { get; private set; } = "";
    public WatchLevel Level { get; set; }
}
