namespace RedMvc.Domain.Groups;

/// <summary>What a member may do in a group. Stored as numbers; higher roles may do what lower ones may.</summary>
public enum GroupRole
{
    Member = 1,
    Moderator = 2,
    Owner = 3,
}

/// <summary>Where a membership stands: asked to join a private group, in, or banned (cannot post or join again).</summary>
public enum MemberStatus
{
    Pending = 1,
    Active = 2,
    Banned = 3,
}

/// <summary>A discussion, or a question on which one reply may be marked the answer.</summary>
public enum ThreadKind
{
    Discussion = 1,
    Question = 2,
}

/// <summary>A member's choice for one thread: hear of every reply, or of nothing at all.</summary>
public enum WatchLevel
{
    Watching = 1,
    Muted = 2,
}

/// <summary>How a group's threads are listed.</summary>
public enum ThreadSort
{
    Latest = 1,
    Newest = 2,
    TopWeek = 3,
    TopMonth = 4,
    TopAll = 5,
}

/// <summary>What a moderator did; recorded in the group's log. Stored as numbers; add new ones at the end.</summary>
public enum ModerationKind
{
    Pin = 1,
    Unpin = 2,
    Close = 3,
    Reopen = 4,
    Move = 5,
    RemoveThread = 6,
    RemoveReply = 7,
    Mute = 8,
    Unmute = 9,
    Ban = 10,
    Unban = 11,
    RemoveMember = 12,
    SlowMode = 13,
    Appoint = 14,
    Dismiss = 15,
    Approve = 16,
    Reject = 17,
}
