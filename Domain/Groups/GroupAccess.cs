using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Groups;

/// <summary>
/// Who may read, post in and moderate a group, and who may see a thread: the one home of these rules,
/// like NoteAccess for notes. The thread list rule is here in its three forms side by side (C#,
/// LINQ, SQL); GroupAccessTests proves they agree over every group kind x membership x thread state x block.
/// </summary>
/// <remarks>
/// Reading: a deleted group, nobody; a public group, anyone (a banned member too: a ban stops posting);
/// a private group, its active members. Posting: active members who are not muted, at most once per
/// slow-mode period (moderators are exempt). Moderating: active moderators and the owner, each over
/// members of a lower role. A thread: readable group, not deleted, not by someone either side blocked,
/// and, once removed by a moderator, only for its author (who sees why) and the group's moderators;
/// while screening holds it for review, only for its author (moderators too wait for staff).
/// Lists leave removed threads out for everyone, and held ones for everyone but their author.
/// </remarks>
public static class GroupAccess
{
    public static bool MayRead(Group group, GroupMember? membership) =>
        !group.IsDeleted && (!group.IsPrivate || membership is { IsActive: true });

    public static bool MayModerate(Group group, GroupMember? membership) =>
        !group.IsDeleted && membership is { IsModerator: true };

    /// <summary>Whether one member may act (mute, ban, remove) on another: only on a lower role.</summary>
    public static bool MayActOn(GroupMember actor, GroupMember target) => actor.IsModerator && actor.Role > target.Role;

    /// <summary>The resource key of why this member may not post now, or null when they may.</summary>
    public static string? PostProblem(Group group, GroupMember? membership, DateTime now) => membership switch
    {
        _ when group.IsDeleted => "Group.Error.NotFound",
        null => "Group.Error.NotMember",
        { Status: MemberStatus.Pending } => "Group.Error.Pending",
        { Status: MemberStatus.Banned } => "Group.Error.Banned",
        _ when membership.IsMuted(now) => "Group.Error.Muted",
        _ when membership.SlowModeWait(group.SlowModeMinutes, now) > 0 => "Group.Error.SlowMode",
        _ => null,
    };

    public static bool MaySee(GroupThread thread, Group group, GroupMember? membership, string? viewerId, bool blocked) =>
        MayRead(group, membership) && !thread.IsDeleted && !blocked
        && (!thread.IsRemoved || thread.AuthorId == viewerId || MayModerate(group, membership))
        && (thread.HeldAt is null || thread.AuthorId == viewerId);

    /// <summary>Whether the thread is listed to this viewer (group pages, profiles): what MaySee allows, removed threads left out.</summary>
    public static bool MayList(GroupThread thread, Group group, GroupMember? membership, string? viewerId, bool blocked) =>
        MaySee(thread, group, membership, viewerId, blocked) && !thread.IsRemoved;

    public static IQueryable<GroupThread> WhereListedFor(this IQueryable<GroupThread> threads, AppDbContext db, string? viewerId)
    {
        if (viewerId is null)
            return threads.Where(t => t.DeletedAt == null && t.RemovedAt == null && t.HeldAt == null
                && db.Groups.Any(g => g.Id == t.GroupId && g.DeletedAt == null && !g.IsPrivate));
        var blocked = Blocking.EitherWayOf(db, viewerId);
        return threads.Where(t => t.DeletedAt == null && t.RemovedAt == null && (t.HeldAt == null || t.AuthorId == viewerId) && !blocked.Contains(t.AuthorId)
            && db.Groups.Any(g => g.Id == t.GroupId && g.DeletedAt == null
                && (!g.IsPrivate || db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == viewerId && m.Status == MemberStatus.Active))));
    }

    /// <summary>
    /// The SQL condition over the thread row aliased <paramref name="thread"/> for the viewer in the
    /// parameter <paramref name="viewer"/> (NULL for a visitor: every comparison with it is then false).
    /// </summary>
    public static string ListedSql(string thread, string viewer, SqlDialect dialect) => $"""
        ({thread}."DeletedAt" IS NULL AND {thread}."RemovedAt" IS NULL AND ({thread}."HeldAt" IS NULL OR {thread}."AuthorId" = {viewer})
            AND NOT EXISTS (SELECT 1 FROM "Blocks" b WHERE (b."BlockerId" = {viewer} AND b."BlockedId" = {thread}."AuthorId") OR (b."BlockerId" = {thread}."AuthorId" AND b."BlockedId" = {viewer}))
            AND EXISTS (SELECT 1 FROM "Groups" g WHERE g."Id" = {thread}."GroupId" AND g."DeletedAt" IS NULL
                AND (g."IsPrivate" = {dialect.False} OR EXISTS (SELECT 1 FROM "GroupMembers" m WHERE m."GroupId" = g."Id" AND m."UserId" = {viewer} AND m."Status" = {(int)MemberStatus.Active}))))
        """;

    /// <summary>The viewer's membership of the group, or null (visitors, non-members).</summary>
    public static Task<GroupMember?> MembershipAsync(AppDbContext db, long groupId, string? viewerId, CancellationToken cancellationToken = default) =>
        viewerId is null
            ? Task.FromResult<GroupMember?>(null)
            : db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == viewerId, cancellationToken);

    /// <summary>The thread and its group when the viewer may see the thread (MaySee), else null: the same 404 as a wrong id.</summary>
    public static async Task<(GroupThread Thread, Group Group, GroupMember? Membership)?> SeeThreadAsync(
        AppDbContext db, long threadId, string? viewerId, CancellationToken cancellationToken = default)
    {
        var thread = await db.GroupThreads.SingleOrDefaultAsync(t => t.Id == threadId, cancellationToken);
        if (thread is null) return null;
        var group = await db.Groups.SingleAsync(g => g.Id == thread.GroupId, cancellationToken);
        var membership = await MembershipAsync(db, group.Id, viewerId, cancellationToken);
        var blocked = await Blocking.EitherBlockedAsync(db, viewerId, thread.AuthorId, cancellationToken);
        return MaySee(thread, group, membership, viewerId, blocked) ? (thread, group, membership) : null;
    }
}
