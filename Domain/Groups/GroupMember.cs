namespace RedMvc.Domain.Groups;

/// <summary>
/// One member's place in one group (the pair is the key). A request to a private group waits as
/// Pending; a ban stays so the member cannot simply join again. Leaving or being removed deletes the row.
/// </summary>
public class GroupMember
{
    private GroupMember() { }

    public long GroupId { get; private set; }
    public string UserId { get; private set; } = "";
    public GroupRole Role { get; private set; }
    public MemberStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? JoinedAt { get; private set; }

    /// <summary>Until when the member may read but not post; null when not muted.</summary>
    public DateTime? MutedUntil { get; private set; }

    /// <summary>When they last started a thread or replied: slow mode counts from here.</summary>
    public DateTime? LastPostAt { get; private set; }

    public bool IsActive => Status == MemberStatus.Active;
    public bool IsModerator => IsActive && Role >= GroupRole.Moderator;
    public bool IsMuted(DateTime now) => MutedUntil is { } until && until > now;

    public static GroupMember Owner(long groupId, string userId, DateTime now) =>
        new() { GroupId = groupId, UserId = userId, Role = GroupRole.Owner, Status = MemberStatus.Active, CreatedAt = now, JoinedAt = now };

    /// <summary>Joining a public group makes a member at once; a private one waits for a moderator.</summary>
    public static GroupMember Joining(long groupId, string userId, bool isPrivate, DateTime now) =>
        new()
        {
            GroupId = groupId, UserId = userId, Role = GroupRole.Member, CreatedAt = now,
            Status = isPrivate ? MemberStatus.Pending : MemberStatus.Active, JoinedAt = isPrivate ? null : now,
        };

    /// <returns>True when this call let them in (a repeat changes nothing).</returns>
    public bool Approve(DateTime now)
    {
        if (Status != MemberStatus.Pending) return false;
        Status = MemberStatus.Active;
        JoinedAt = now;
        return true;
    }

    public void Ban()
    {
        if (Role == GroupRole.Owner) throw new GroupRuleException("Group.Error.OwnerStays");
        Status = MemberStatus.Banned;
        Role = GroupRole.Member;
    }

    public void Unban()
    {
        if (Status == MemberStatus.Banned) Status = MemberStatus.Active;
    }

    public void MuteUntil(DateTime? until)
    {
        if (Role == GroupRole.Owner) throw new GroupRuleException("Group.Error.OwnerStays");
        MutedUntil = until;
    }

    public void Appoint()
    {
        if (!IsActive) throw new GroupRuleException("Group.Error.NotMember");
        if (Role == GroupRole.Member) Role = GroupRole.Moderator;
    }

    public void Dismiss()
    {
        if (Role == GroupRole.Moderator) Role = GroupRole.Member;
    }

    /// <summary>Slow mode: the minutes left before this member may post again, 0 when they may.</summary>
    public int SlowModeWait(int slowModeMinutes, DateTime now)
    {
        if (slowModeMinutes <= 0 || IsModerator || LastPostAt is not { } last) return 0;
        var next = last.AddMinutes(slowModeMinutes);
        return next <= now ? 0 : (int)Math.Ceiling((next - now).TotalMinutes);
    }

    public void Posted(DateTime now) => LastPostAt = now;
}
