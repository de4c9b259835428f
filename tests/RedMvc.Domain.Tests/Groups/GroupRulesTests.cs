using RedMvc.Domain.Groups;

namespace RedMvc.Domain.Tests.Groups;

/// <summary>Who may post and act in a group, and the rules a thread keeps, without a database.</summary>
public class GroupRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static Group PublicGroup(int slowMode = 0)
    {
        var group = Group.Create("owner", "Camping", null, null, "travel", isPrivate: false, Now);
        group.SetSlowMode(slowMode);
        return group;
    }

    [Fact]
    public void Only_active_members_who_are_not_muted_may_post()
    {
        var group = PublicGroup();
        var member = GroupMember.Joining(1, "ann", isPrivate: false, Now);
        var pending = GroupMember.Joining(1, "bo", isPrivate: true, Now);
        var banned = GroupMember.Joining(1, "cy", isPrivate: false, Now);
        banned.Ban();
        var muted = GroupMember.Joining(1, "di", isPrivate: false, Now);
        muted.MuteUntil(Now.AddDays(1));

        Assert.Null(GroupAccess.PostProblem(group, member, Now));
        Assert.Equal("Group.Error.NotMember", GroupAccess.PostProblem(group, null, Now));
        Assert.Equal("Group.Error.Pending", GroupAccess.PostProblem(group, pending, Now));
        Assert.Equal("Group.Error.Banned", GroupAccess.PostProblem(group, banned, Now));
        Assert.Equal("Group.Error.Muted", GroupAccess.PostProblem(group, muted, Now));
        Assert.Null(GroupAccess.PostProblem(group, muted, Now.AddDays(1).AddSeconds(1))); // a mute ends by itself
    }

    [Fact]
    public void Slow_mode_asks_members_to_wait_but_not_moderators()
    {
        var group = PublicGroup(slowMode: 10);
        var member = GroupMember.Joining(1, "ann", isPrivate: false, Now);
        member.Posted(Now);
        var moderator = GroupMember.Joining(1, "bo", isPrivate: false, Now);
        moderator.Appoint();
        moderator.Posted(Now);

        Assert.Equal("Group.Error.SlowMode", GroupAccess.PostProblem(group, member, Now.AddMinutes(3)));
        Assert.Equal(7, member.SlowModeWait(group.SlowModeMinutes, Now.AddMinutes(3)));
        Assert.Null(GroupAccess.PostProblem(group, member, Now.AddMinutes(10)));
        Assert.Null(GroupAccess.PostProblem(group, moderator, Now.AddMinutes(1)));
    }

    [Fact]
    public void A_moderator_acts_only_on_lower_roles_and_nobody_acts_on_the_owner()
    {
        var owner = GroupMember.Owner(1, "owner", Now);
        var moderator = GroupMember.Joining(1, "mod", isPrivate: false, Now);
        moderator.Appoint();
        var other = GroupMember.Joining(1, "mod2", isPrivate: false, Now);
        other.Appoint();
        var member = GroupMember.Joining(1, "ann", isPrivate: false, Now);

        Assert.True(GroupAccess.MayActOn(owner, moderator));
        Assert.True(GroupAccess.MayActOn(moderator, member));
        Assert.False(GroupAccess.MayActOn(moderator, other));
        Assert.False(GroupAccess.MayActOn(moderator, owner));
        Assert.False(GroupAccess.MayActOn(member, member));
        Assert.Throws<GroupRuleException>(owner.Ban);
    }

    [Fact]
    public void A_private_group_is_read_by_active_members_only_and_a_deleted_one_by_nobody()
    {
        var group = Group.Create("owner", "Secret", null, null, "travel", isPrivate: true, Now);
        var pending = GroupMember.Joining(1, "bo", isPrivate: true, Now);
        Assert.False(GroupAccess.MayRead(group, null));
        Assert.False(GroupAccess.MayRead(group, pending));
        pending.Approve(Now);
        Assert.True(GroupAccess.MayRead(group, pending));
        group.Delete(Now);
        Assert.False(GroupAccess.MayRead(group, pending));
    }

    [Fact]
    public void Pins_end_when_they_say_and_cannot_end_in_the_past()
    {
        var thread = GroupThread.Start(1, "ann", ThreadKind.Discussion, "Rules", "Be kind", Now);
        Assert.Throws<GroupRuleException>(() => thread.Pin(Now.AddMinutes(-1), Now));
        thread.Pin(Now.AddDays(7), Now);
        Assert.True(thread.IsPinned(Now.AddDays(6)));
        Assert.False(thread.IsPinned(Now.AddDays(7)));
        thread.Pin(null, Now);
        Assert.True(thread.IsPinned(Now.AddYears(10)));
    }

    [Fact]
    public void Only_a_question_takes_an_answer()
    {
        Assert.Throws<GroupRuleException>(() => GroupThread.Start(1, "ann", ThreadKind.Discussion, "t", "b", Now).Accept(5));
        var question = GroupThread.Start(1, "ann", ThreadKind.Question, "t", "b", Now);
        question.Accept(5);
        Assert.Equal(5, question.AcceptedReplyId);
    }

    [Fact]
    public void Authors_edit_within_the_window_only()
    {
        var reply = GroupReply.To(1, "ann", "hi", null, Now);
        var window = TimeSpan.FromHours(24);
        Assert.True(reply.MayEdit("ann", window, Now.AddHours(23)));
        Assert.False(reply.MayEdit("ann", window, Now.AddHours(25)));
        Assert.False(reply.MayEdit("bo", window, Now));
    }

    [Theory]
    [InlineData("", "Group.Error.TitleRequired")]
    [InlineData("   ", "Group.Error.TitleRequired")]
    public void An_empty_title_is_refused(string title, string error)
    {
        var (_, _, problems) = new PostInput(title, "body").Check(new GroupLimits(), withTitle: true);
        Assert.Equal(error, Assert.Single(problems).Error);
    }

    [Fact]
    public void A_body_over_the_limit_is_refused_counting_what_a_reader_sees()
    {
        var limits = new GroupLimits { BodyMaxLength = 10 };
        Assert.Empty(new PostInput(null, string.Concat(Enumerable.Repeat("😀", 10))).Check(limits, withTitle: false).Problems);
        Assert.Equal("Group.Error.BodyTooLong", Assert.Single(new PostInput(null, string.Concat(Enumerable.Repeat("😀", 11))).Check(limits, withTitle: false).Problems).Error);
    }
}
