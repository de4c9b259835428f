namespace RedMvc.Domain.Groups;

/// <summary>One thing a group's moderator or owner did: who, what, to whom or which post, when and why. Never changed once written.</summary>
public class ModerationAction
{
    private ModerationAction() { }

    public ModerationAction(long groupId, string moderatorId, ModerationKind kind, DateTime now,
        string? targetUserId = null, long? threadId = null, long? replyId = null, string? reason = null)
    {
        GroupId = groupId;
        ModeratorId = moderatorId;
        Kind = kind;
        CreatedAt = now;
        TargetUserId = targetUserId;
        ThreadId = threadId;
        ReplyId = replyId;
        Reason = reason;
    }

    public long Id { get; private set; }
    public long GroupId { get; private set; }
    public string ModeratorId { get; private set; } = "";
    public ModerationKind Kind { get; private set; }
    public string? TargetUserId { get; private set; }
    public long? ThreadId { get; private set; }
    public long? ReplyId { get; private set; }
    public string? Reason { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
