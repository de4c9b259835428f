using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Groups;

/// <summary>
/// Creating a group and everything about who is in it: join, request, leave, approve, reject,
/// appoint, mute, ban and remove. The member count changes in the same transaction as the rows;
/// every moderator's act is written to the group's log. Refusals throw GroupRuleException.
/// </summary>
public static class GroupMemberships
{
    public static async Task<Group> CreateAsync(AppDbContext db, string ownerId, GroupInput input, GroupLimits limits, DateTime now, CancellationToken cancellationToken = default)
    {
        var (checkedInput, problems) = input.Check(limits);
        if (problems.Count > 0) throw new GroupRuleException(problems[0].Error);
        if (await db.Groups.CountAsync(g => g.OwnerId == ownerId && g.DeletedAt == null, cancellationToken) >= limits.MaxOwnedGroups)
            throw new GroupRuleException("Group.Error.TooManyGroups");
        await EnsureNameFreeAsync(db, checkedInput.Name!, null, cancellationToken);
        var group = Group.Create(ownerId, checkedInput.Name!, checkedInput.Description, checkedInput.Rules, checkedInput.Channel!, checkedInput.IsPrivate, now);
        await db.InTransactionAsync(async () =>
        {
            db.Groups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            db.GroupMembers.Add(GroupMember.Owner(group.Id, ownerId, now));
            await db.SaveChangesAsync(cancellationToken);
            await db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, 1), cancellationToken);
        }, cancellationToken);
        return group;
    }

    public static async Task EditAsync(AppDbContext db, Group group, GroupInput input, GroupLimits limits, CancellationToken cancellationToken = default)
    {
        var (checkedInput, problems) = input.Check(limits);
        if (problems.Count > 0) throw new GroupRuleException(problems[0].Error);
        await EnsureNameFreeAsync(db, checkedInput.Name!, group.Id, cancellationToken);
        group.Edit(checkedInput.Name!, checkedInput.Description, checkedInput.Rules, checkedInput.Channel!, checkedInput.IsPrivate);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The owner deletes the group: it disappears for everyone at once (every rule asks DeletedAt) and
    /// frees its name; DeleteGroupPhotosJob removes its pictures and its threads' photos. Safe to repeat.
    /// </summary>
    public static async Task DeleteAsync(AppDbContext db, Group group, GroupMember? owner, DateTime now, CancellationToken cancellationToken = default)
    {
        if (owner is not { IsActive: true, Role: GroupRole.Owner } || owner.GroupId != group.Id) throw new GroupRuleException("Group.Error.NotOwner");
        group.Delete(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task EnsureNameFreeAsync(AppDbContext db, string name, long? groupId, CancellationToken cancellationToken)
    {
        var normalized = Group.Normalize(name);
        if (await db.Groups.AnyAsync(g => g.NormalizedName == normalized && g.Id != groupId, cancellationToken))
            throw new GroupRuleException("Group.Error.NameTaken");
    }

    /// <summary>Joins a public group at once or asks to join a private one. Safe to repeat; a banned member is refused.</summary>
    public static async Task<MemberStatus> JoinAsync(AppDbContext db, Group group, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (group.IsDeleted) throw new GroupRuleException("Group.Error.NotFound");
        var existing = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId, cancellationToken);
        if (existing is { Status: MemberStatus.Banned }) throw new GroupRuleException("Group.Error.Banned");
        if (existing is not null) return existing.Status;
        var member = GroupMember.Joining(group.Id, userId, group.IsPrivate, now);
        await db.InTransactionAsync(async () =>
        {
            db.GroupMembers.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            if (member.IsActive) await CountMembersAsync(db, group.Id, +1, cancellationToken);
        }, cancellationToken);
        return member.Status;
    }

    /// <summary>Leaves the group, or takes back a request. The owner stays; a ban stays too (leaving would lift it).</summary>
    public static async Task LeaveAsync(AppDbContext db, long groupId, string userId, CancellationToken cancellationToken = default)
    {
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);
        if (member is null) return;
        if (member.Role == GroupRole.Owner) throw new GroupRuleException("Group.Error.OwnerStays");
        if (member.Status == MemberStatus.Banned) throw new GroupRuleException("Group.Error.Banned");
        await DeleteMemberAsync(db, member, cancellationToken);
    }

    public static async Task ApproveAsync(AppDbContext db, Group group, GroupMember moderator, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var member = await TargetAsync(db, group, moderator, userId, cancellationToken);
        await db.InTransactionAsync(async () =>
        {
            if (!member.Approve(now)) return;
            db.ModerationActions.Add(new ModerationAction(group.Id, moderator.UserId, ModerationKind.Approve, now, userId));
            await db.SaveChangesAsync(cancellationToken);
            await CountMembersAsync(db, group.Id, +1, cancellationToken);
            await Notifier.NotifyAsync(db, Notification.AboutGroup(NotificationKind.JoinApproved, userId, moderator.UserId, group.Id, null, null, now), cancellationToken);
        }, cancellationToken);
    }

    public static async Task RejectAsync(AppDbContext db, Group group, GroupMember moderator, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var member = await TargetAsync(db, group, moderator, userId, cancellationToken);
        if (member.Status != MemberStatus.Pending) return;
        await db.InTransactionAsync(async () =>
        {
            db.ModerationActions.Add(new ModerationAction(group.Id, moderator.UserId, ModerationKind.Reject, now, userId));
            await DeleteMemberAsync(db, member, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Mutes a member until the given time (null lifts it): they read but cannot post.</summary>
    public static async Task MuteAsync(AppDbContext db, Group group, GroupMember moderator, string userId, DateTime? until, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        var member = await TargetAsync(db, group, moderator, userId, cancellationToken);
        if (until is { } u && u <= now) throw new GroupRuleException("Group.Error.MuteUntil");
        member.MuteUntil(until);
        db.ModerationActions.Add(new ModerationAction(group.Id, moderator.UserId, until is null ? ModerationKind.Unmute : ModerationKind.Mute, now, userId, reason: Reason(reason)));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task BanAsync(AppDbContext db, Group group, GroupMember moderator, string userId, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        var member = await TargetAsync(db, group, moderator, userId, cancellationToken);
        if (member.Status == MemberStatus.Banned) return;
        var wasActive = member.IsActive;
        await db.InTransactionAsync(async () =>
        {
            member.Ban();
            db.ModerationActions.Add(new ModerationAction(group.Id, moderator.UserId, ModerationKind.Ban, now, userId, reason: Reason(reason)));
            await db.SaveChangesAsync(cancellationToken);
            if (wasActive) await CountMembersAsync(db, group.Id, -1, cancellationToken);
        }, cancellationToken);
    }

    public static async Task UnbanAsync(AppDbContext db, Group group, GroupMember moderator, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var member = await TargetAsync(db, group, moderator, userId, cancellationToken);
        if (member.Status != MemberStatus.Banned) return;
        await db.InTransactionAsync(async () =>
        {
            member.Unban();
            db.ModerationActions.Add(new ModerationAction(group.Id, moderator.UserId, ModerationKind.Unban, now, userId));
            await db.SaveChangesAsync(cancellationToken);
            await CountMembersAsync(db, group.Id, +1, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Removes a member (they may join again, unlike a ban).</summary>
    public static async Task RemoveAsync(AppDbContext db, Group group, GroupMember moderator, string userId, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        var member = await TargetAsync(db, group, moderator, userId, cancellationToken);
        await db.InTransactionAsync(async () =>
        {
            db.ModerationActions.Add(new ModerationAction(group.Id, moderator.UserId, ModerationKind.RemoveMember, now, userId, reason: Reason(reason)));
            await DeleteMemberAsync(db, member, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The owner makes a member a moderator, or a moderator a member again.</summary>
    public static async Task SetModeratorAsync(AppDbContext db, Group group, GroupMember owner, string userId, bool moderator, DateTime now, CancellationToken cancellationToken = default)
    {
        if (owner.Role != GroupRole.Owner || !owner.IsActive) throw new GroupRuleException("Group.Error.NotOwner");
        var member = await TargetAsync(db, group, owner, userId, cancellationToken);
        if (moderator) member.Appoint();
        else member.Dismiss();
        db.ModerationActions.Add(new ModerationAction(group.Id, owner.UserId, moderator ? ModerationKind.Appoint : ModerationKind.Dismiss, now, userId));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The membership a moderator acts on: it must exist and be of a lower role than the actor's.</summary>
    private static async Task<GroupMember> TargetAsync(AppDbContext db, Group group, GroupMember actor, string userId, CancellationToken cancellationToken)
    {
        if (!GroupAccess.MayModerate(group, actor) || actor.GroupId != group.Id) throw new GroupRuleException("Group.Error.NotModerator");
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == userId, cancellationToken)
            ?? throw new GroupRuleException("Group.Error.NoSuchMember");
        if (!GroupAccess.MayActOn(actor, member)) throw new GroupRuleException("Group.Error.NotOverThem");
        return member;
    }

    private static async Task DeleteMemberAsync(AppDbContext db, GroupMember member, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            var removed = await db.GroupMembers.Where(m => m.GroupId == member.GroupId && m.UserId == member.UserId).ExecuteDeleteAsync(cancellationToken);
            if (removed == 1 && member.IsActive) await CountMembersAsync(db, member.GroupId, -1, cancellationToken);
            db.Entry(member).State = EntityState.Detached;
        }, cancellationToken);
    }

    private static Task<int> CountMembersAsync(AppDbContext db, long groupId, int change, CancellationToken cancellationToken) =>
        db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, g => g.MemberCount + change), cancellationToken);

    /// <summary>A moderator's reason as stored, or a refusal when it is too long or has characters not allowed.</summary>
    public static string? Reason(string? reason)
    {
        var text = GroupLimits.ReasonRule.Check(reason);
        if (text.ErrorKey("Group.Error.ReasonTooLong") is { } error) throw new GroupRuleException(error);
        return text.OrNull;
    }
}
