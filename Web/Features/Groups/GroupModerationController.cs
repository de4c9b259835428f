using RedMvc.Domain.Groups;
using RedMvc.Domain.Time;

namespace RedMvc.Web.Features.Groups;

/// <summary>
/// What a group's moderators and owner do: pin, close, move and remove threads, remove replies, approve
/// requests, mute, ban and remove members, appoint moderators, slow mode. Anyone else gets the same 404
/// as a wrong id; a refused act (a moderator over another moderator, a move to a group they do not
/// moderate) gets its message and changes nothing.
/// </summary>
[Authorize]
public class GroupModerationController(AppDbContext db, TimeProvider clock, Times times, IStringLocalizer<SharedResource> t) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string ViewerId => User.Id()!;

    [HttpPost("/groups/threads/{id:long}/pin")]
    public Task<IActionResult> Pin(long id, PinForm form) => OnThreadAsync(id, (thread, group, moderator) =>
        GroupModeration.PinAsync(db, group, moderator, thread, PinEnd(form.Until), Now));

    /// <summary>"Until" is the last day shown pinned, in the reader's zone: the pin ends at that day's midnight. From today to five years on.</summary>
    private DateTime? PinEnd(DateOnly? until)
    {
        // A date that does not parse binds as none, which would pin for good: refuse it instead.
        if (!ModelState.IsValid) throw new GroupRuleException("Group.Error.PinUntil");
        if (until is not { } day) return null;
        var today = DateOnly.FromDateTime(times.Local(Now));
        if (day < today || day > today.AddYears(5)) throw new GroupRuleException("Group.Error.PinUntil");
        return times.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    [HttpPost("/groups/threads/{id:long}/unpin")]
    public Task<IActionResult> Unpin(long id) => OnThreadAsync(id, (thread, group, moderator) => GroupModeration.UnpinAsync(db, group, moderator, thread, Now));

    [HttpPost("/groups/threads/{id:long}/close")]
    public Task<IActionResult> Close(long id) => OnThreadAsync(id, (thread, group, moderator) => GroupModeration.CloseAsync(db, group, moderator, thread, Now));

    [HttpPost("/groups/threads/{id:long}/reopen")]
    public Task<IActionResult> Reopen(long id) => OnThreadAsync(id, (thread, group, moderator) => GroupModeration.ReopenAsync(db, group, moderator, thread, Now));

    [HttpPost("/groups/threads/{id:long}/move")]
    public Task<IActionResult> Move(long id, long toGroupId) => OnThreadAsync(id, (thread, group, moderator) => GroupModeration.MoveAsync(db, group, moderator, thread, toGroupId, ViewerId, Now));

    [HttpPost("/groups/threads/{id:long}/remove")]
    public Task<IActionResult> Remove(long id, string? reason) => OnThreadAsync(id, (thread, group, moderator) => GroupModeration.RemoveThreadAsync(db, group, moderator, thread, reason, Now));

    [HttpPost("/groups/replies/{id:long}/remove")]
    public async Task<IActionResult> RemoveReply(long id, string? reason)
    {
        var reply = await db.GroupReplies.SingleOrDefaultAsync(r => r.Id == id);
        if (reply is null) return NotFound();
        var thread = await db.GroupThreads.AsNoTracking().SingleAsync(x => x.Id == reply.ThreadId);
        var (group, moderator) = await GroupLoads.ReadableAsync(db, thread.GroupId, ViewerId);
        if (group is null || !GroupAccess.MayModerate(group, moderator)) return NotFound();
        await TryAsync(() => GroupModeration.RemoveReplyAsync(db, group, moderator, reply, reason, Now));
        return Redirect($"/groups/threads/{reply.ThreadId}?after={id - 1}#reply-{id}");
    }

    [HttpPost("/groups/{id:long}/members/approve")]
    public Task<IActionResult> Approve(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, moderator, userId) => GroupMemberships.ApproveAsync(db, group, moderator, userId, Now));

    [HttpPost("/groups/{id:long}/members/reject")]
    public Task<IActionResult> Reject(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, moderator, userId) => GroupMemberships.RejectAsync(db, group, moderator, userId, Now));

    [HttpPost("/groups/{id:long}/members/mute")]
    public Task<IActionResult> Mute(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, moderator, userId) =>
        form.Days is >= 1 and <= 365
            ? GroupMemberships.MuteAsync(db, group, moderator, userId, Now.AddDays(form.Days.Value), form.Reason, Now)
            : throw new GroupRuleException("Group.Error.MuteDays"));

    [HttpPost("/groups/{id:long}/members/unmute")]
    public Task<IActionResult> Unmute(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, moderator, userId) => GroupMemberships.MuteAsync(db, group, moderator, userId, null, null, Now));

    [HttpPost("/groups/{id:long}/members/ban")]
    public Task<IActionResult> Ban(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, moderator, userId) => GroupMemberships.BanAsync(db, group, moderator, userId, form.Reason, Now));

    [HttpPost("/groups/{id:long}/members/unban")]
    public Task<IActionResult> Unban(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, moderator, userId) => GroupMemberships.UnbanAsync(db, group, moderator, userId, Now));

    [HttpPost("/groups/{id:long}/members/remove")]
    public Task<IActionResult> RemoveMember(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, moderator, userId) => GroupMemberships.RemoveAsync(db, group, moderator, userId, form.Reason, Now));

    [HttpPost("/groups/{id:long}/members/appoint")]
    public Task<IActionResult> Appoint(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, owner, userId) => GroupMemberships.SetModeratorAsync(db, group, owner, userId, true, Now));

    [HttpPost("/groups/{id:long}/members/dismiss")]
    public Task<IActionResult> Dismiss(long id, MemberActionForm form) => OnMemberAsync(id, form, (group, owner, userId) => GroupMemberships.SetModeratorAsync(db, group, owner, userId, false, Now));

    [HttpPost("/groups/{id:long}/slow-mode")]
    public async Task<IActionResult> SlowMode(long id, int minutes)
    {
        var (group, moderator) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || !GroupAccess.MayModerate(group, moderator)) return NotFound();
        // Minutes that do not parse bind as 0, which would turn slow mode off unasked.
        await TryAsync(() => ModelState.IsValid ? GroupModeration.SetSlowModeAsync(db, group, moderator, minutes, Now) : throw new GroupRuleException("Group.Error.SlowModeRange"));
        return Redirect($"/groups/{id}/members");
    }

    private async Task<IActionResult> OnThreadAsync(long id, Func<GroupThread, Group, GroupMember?, Task> act)
    {
        var thread = await db.GroupThreads.SingleOrDefaultAsync(x => x.Id == id && x.DeletedAt == null);
        if (thread is null) return NotFound();
        var (group, moderator) = await GroupLoads.ReadableAsync(db, thread.GroupId, ViewerId);
        if (group is null || !GroupAccess.MayModerate(group, moderator)) return NotFound();
        await TryAsync(() => act(thread, group, moderator));
        return Redirect($"/groups/threads/{id}");
    }

    private async Task<IActionResult> OnMemberAsync(long id, MemberActionForm form, Func<Group, GroupMember, string, Task> act)
    {
        var (group, moderator) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || !GroupAccess.MayModerate(group, moderator) || string.IsNullOrEmpty(form.UserId)) return NotFound();
        await TryAsync(() => act(group, moderator!, form.UserId));
        return Redirect($"/groups/{id}/members");
    }

    private async Task TryAsync(Func<Task> act)
    {
        try
        {
            await act();
            this.Flash(t["Group.Done"]);
        }
        catch (GroupRuleException rule)
        {
            this.Flash(t[rule.Key, GroupLimits.ReasonMaxLength]);
        }
    }
}
