using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Tests.Groups;

/// <summary>The groups workflows on a real SQLite file: counts move with the rows, refusals change nothing, notices reach the right people.</summary>
public sealed class GroupWorkflowTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly GroupLimits Limits = new();

    private MigratedSqlite _database = null!;
    private AppDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedSqlite.CreateAsync();
        _db = _database.Db;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(Group Group, string Owner)> GroupAsync(bool isPrivate = false, string name = "Camping")
    {
        var owner = await _db.AddMemberAsync();
        var group = await GroupMemberships.CreateAsync(_db, owner.Id, new GroupInput(name, "Tents", null, "travel", isPrivate), Limits, Now);
        return (group, owner.Id);
    }

    private async Task<string> MemberOfAsync(Group group, DateTime? at = null)
    {
        var user = await _db.AddMemberAsync();
        await GroupMemberships.JoinAsync(_db, group, user.Id, at ?? Now);
        return user.Id;
    }

    private Task<GroupMember> MembershipAsync(long groupId, string userId) => _db.GroupMembers.SingleAsync(m => m.GroupId == groupId && m.UserId == userId);

    private async Task<T> FreshAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var fresh = _database.NewContext();
        return await read(fresh);
    }

    private async Task<GroupThread> ThreadAsync(Group group, string authorId, ThreadKind kind = ThreadKind.Discussion, string body = "Which tent for rain?") =>
        await GroupPosting.StartThreadAsync(_db, group, await MembershipAsync(group.Id, authorId), authorId, kind, new PostInput("Tents", body), [], Limits, Now);

    [Fact]
    public async Task Member_count_follows_joining_asking_approving_and_leaving()
    {
        var (group, owner) = await GroupAsync(isPrivate: true);
        var ann = await MemberOfAsync(group);
        Assert.Equal(1, await FreshAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.MemberCount).SingleAsync())); // a request does not count

        await GroupMemberships.ApproveAsync(_db, group, await MembershipAsync(group.Id, owner), ann, Now);
        await GroupMemberships.ApproveAsync(_db, group, await MembershipAsync(group.Id, owner), ann, Now); // a repeat changes nothing
        Assert.Equal(2, await FreshAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.MemberCount).SingleAsync()));
        Assert.True(await _db.Notifications.AnyAsync(n => n.RecipientId == ann && n.Kind == NotificationKind.JoinApproved && n.GroupId == group.Id));

        await GroupMemberships.LeaveAsync(_db, group.Id, ann);
        await GroupMemberships.LeaveAsync(_db, group.Id, ann);
        Assert.Equal(1, await FreshAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.MemberCount).SingleAsync()));
        await Assert.ThrowsAsync<GroupRuleException>(() => GroupMemberships.LeaveAsync(_db, group.Id, owner));
    }

    [Fact]
    public async Task A_group_name_is_unique_whatever_its_case()
    {
        await GroupAsync(name: "Camping Fans");
        var error = await Assert.ThrowsAsync<GroupRuleException>(() => GroupAsync(name: "  camping fans "));
        Assert.Equal("Group.Error.NameTaken", error.Key);
    }

    [Fact]
    public async Task Replies_count_and_notify_the_thread_author_the_quoted_author_and_the_mentioned()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var bo = await MemberOfAsync(group);
        var cyUser = await _db.AddMemberAsync();
        await GroupMemberships.JoinAsync(_db, group, cyUser.Id, Now);
        var thread = await ThreadAsync(group, owner);

        var first = await GroupPosting.ReplyAsync(_db, group, await MembershipAsync(group.Id, ann), thread, ann, "A tunnel tent", null, Limits, Now);
        await GroupPosting.ReplyAsync(_db, group, await MembershipAsync(group.Id, bo), thread, bo, $"Agree, ask @{cyUser.Handle}", first.Id, Limits, Now.AddMinutes(1));

        Assert.Equal(2, await FreshAsync(db => db.GroupThreads.Where(t => t.Id == thread.Id).Select(t => t.ReplyCount).SingleAsync()));
        var notices = await _db.Notifications.Where(n => n.ThreadId == thread.Id).Select(n => new { n.RecipientId, n.Kind, n.ActorId }).ToListAsync();
        Assert.Contains(notices, n => n.RecipientId == owner && n.Kind == NotificationKind.GroupReply && n.ActorId == ann);
        Assert.Contains(notices, n => n.RecipientId == ann && n.Kind == NotificationKind.GroupReply && n.ActorId == bo);
        Assert.Contains(notices, n => n.RecipientId == cyUser.Id && n.Kind == NotificationKind.GroupMention);
    }

    [Fact]
    public async Task A_closed_thread_takes_no_reply_and_nothing_is_saved()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var thread = await ThreadAsync(group, owner);
        await GroupModeration.CloseAsync(_db, group, await MembershipAsync(group.Id, owner), thread, Now);

        var error = await Assert.ThrowsAsync<GroupRuleException>(() =>
            GroupPosting.ReplyAsync(_db, group, _db.GroupMembers.Single(m => m.UserId == ann), thread, ann, "late", null, Limits, Now));
        Assert.Equal("Group.Error.Closed", error.Key);
        Assert.Equal(0, await FreshAsync(db => db.GroupReplies.CountAsync(r => r.ThreadId == thread.Id)));
    }

    [Fact]
    public async Task A_muted_member_reads_but_cannot_post()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var thread = await ThreadAsync(group, owner);
        await GroupMemberships.MuteAsync(_db, group, await MembershipAsync(group.Id, owner), ann, Now.AddDays(3), "flaming", Now);

        var error = await Assert.ThrowsAsync<GroupRuleException>(() =>
            GroupPosting.ReplyAsync(_db, group, _db.GroupMembers.Single(m => m.UserId == ann && m.GroupId == group.Id), thread, ann, "hey", null, Limits, Now.AddDays(1)));
        Assert.Equal("Group.Error.Muted", error.Key);
        Assert.Equal(0, await FreshAsync(db => db.GroupReplies.CountAsync()));
        Assert.Equal(ModerationKind.Mute, await FreshAsync(db => db.ModerationActions.Where(a => a.TargetUserId == ann).Select(a => a.Kind).SingleAsync()));
    }

    [Fact]
    public async Task A_thread_moves_only_to_a_group_its_moderator_also_moderates_and_the_counts_follow()
    {
        var (camping, owner) = await GroupAsync(name: "Camping");
        var (hiking, _) = await GroupAsync(name: "Hiking"); // someone else's
        var thread = await ThreadAsync(camping, owner);
        var moderator = await MembershipAsync(camping.Id, owner);

        var refused = await Assert.ThrowsAsync<GroupRuleException>(() => GroupModeration.MoveAsync(_db, camping, moderator, thread, hiking.Id, owner, Now));
        Assert.Equal("Group.Error.MoveTarget", refused.Key);
        Assert.Equal(camping.Id, await FreshAsync(db => db.GroupThreads.Where(t => t.Id == thread.Id).Select(t => t.GroupId).SingleAsync()));

        var climbing = await GroupMemberships.CreateAsync(_db, owner, new GroupInput("Climbing", null, null, "fitness", false), Limits, Now);
        await GroupModeration.MoveAsync(_db, camping, moderator, thread, climbing.Id, owner, Now);
        var counts = await FreshAsync(db => db.Groups.Where(g => g.Id == camping.Id || g.Id == climbing.Id).ToDictionaryAsync(g => g.Id, g => g.ThreadCount));
        Assert.Equal(0, counts[camping.Id]);
        Assert.Equal(1, counts[climbing.Id]);
        Assert.Equal(ModerationKind.Move, await FreshAsync(db => db.ModerationActions.Where(a => a.ThreadId == thread.Id).Select(a => a.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_or_removing_a_reply_counts_once_and_unmarks_the_answer()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var thread = await ThreadAsync(group, owner, ThreadKind.Question);
        var reply = await GroupPosting.ReplyAsync(_db, group, await MembershipAsync(group.Id, ann), thread, ann, "Use a tarp", null, Limits, Now);
        await GroupModeration.AcceptAsync(_db, group, await MembershipAsync(group.Id, owner), thread, reply.Id, owner, Now);
        Assert.True(await _db.Notifications.AnyAsync(n => n.RecipientId == ann && n.Kind == NotificationKind.AnswerAccepted));

        await GroupModeration.RemoveReplyAsync(_db, group, await MembershipAsync(group.Id, owner), reply, "off topic", Now);
        await GroupPosting.DeleteReplyAsync(_db, reply, ann, Now); // deleting what a moderator removed counts nothing more
        var after = await FreshAsync(db => db.GroupThreads.SingleAsync(t => t.Id == thread.Id));
        Assert.Equal(0, after.ReplyCount);
        Assert.Null(after.AcceptedReplyId);
    }

    [Fact]
    public async Task Staff_remove_a_thread_and_a_reply_out_of_the_counts_with_the_reason_and_restoring_brings_both_back()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var thread = await ThreadAsync(group, ann);
        var reply = await GroupPosting.ReplyAsync(_db, group, await MembershipAsync(group.Id, owner), thread, owner, "Buy my tents", null, Limits, Now);
        var staff = new StaffActor((await _db.AddMemberAsync()).Id, "127.0.0.1");
        Task<string?> ActAsync(ReportTarget target, long id, StaffDecision action) =>
            ModerationDesk.ActAsync(_db, staff, new ModerationOrder(target, id.ToString(), action, ReportCategory.Spam, "Advertising"), Now);

        Assert.Null(await ActAsync(ReportTarget.Thread, thread.Id, StaffDecision.Remove));
        Assert.Null(await ActAsync(ReportTarget.Reply, reply.Id, StaffDecision.Remove));
        Assert.Equal(0, await FreshAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.ThreadCount).SingleAsync()));
        var removed = await FreshAsync(db => db.GroupThreads.SingleAsync(t => t.Id == thread.Id));
        Assert.Equal(("Advertising", 0), (removed.RemovedReason, removed.ReplyCount));
        Assert.Equal("Advertising", await FreshAsync(db => db.GroupReplies.Where(r => r.Id == reply.Id).Select(r => r.RemovedReason).SingleAsync()));
        Assert.Equal("Admin.Error.NotForThis", await ActAsync(ReportTarget.Thread, thread.Id, StaffDecision.LimitReach));

        Assert.Null(await ActAsync(ReportTarget.Thread, thread.Id, StaffDecision.Restore));
        Assert.Null(await ActAsync(ReportTarget.Reply, reply.Id, StaffDecision.Restore));
        Assert.Equal(1, await FreshAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.ThreadCount).SingleAsync()));
        var back = await FreshAsync(db => db.GroupThreads.SingleAsync(t => t.Id == thread.Id));
        Assert.Equal((null, null, 1), (back.RemovedAt, back.RemovedReason, back.ReplyCount));
        Assert.Equal(2, await FreshAsync(db => db.StaffAudit.CountAsync(e => e.Action == "thread.remove" || e.Action == "reply.remove")));
    }

    [Fact]
    public async Task Likes_count_once_and_go_back()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var thread = await ThreadAsync(group, owner);
        Assert.True(await GroupLikes.LikeThreadAsync(_db, thread, ann, Now));
        Assert.False(await GroupLikes.LikeThreadAsync(_db, thread, ann, Now));
        Assert.Equal(1, await FreshAsync(db => db.GroupThreads.Where(t => t.Id == thread.Id).Select(t => t.LikeCount).SingleAsync()));
        Assert.True(await GroupLikes.UnlikeThreadAsync(_db, thread.Id, ann));
        Assert.False(await GroupLikes.UnlikeThreadAsync(_db, thread.Id, ann));
        Assert.Equal(0, await FreshAsync(db => db.GroupThreads.Where(t => t.Id == thread.Id).Select(t => t.LikeCount).SingleAsync()));
    }

    [Fact]
    public async Task Watchers_hear_of_a_reply_in_batches_once_each_and_muted_or_blocked_ones_not_at_all()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var thread = await ThreadAsync(group, owner);
        var watchers = await _db.AddMembersAsync(12);
        foreach (var w in watchers) await ThreadFollowing.SetWatchAsync(_db, thread.Id, w.Id, WatchLevel.Watching);
        await ThreadFollowing.SetWatchAsync(_db, thread.Id, owner, WatchLevel.Watching); // told already as the thread's author
        _db.Blocks.Add(new Social.Block(watchers[0].Id, ann, Now));
        await _db.SaveChangesAsync();
        var reply = await GroupPosting.ReplyAsync(_db, group, await MembershipAsync(group.Id, ann), thread, ann, "Hello all", null, Limits, Now);

        var runs = 0;
        string? after = null;
        do
        {
            after = await GroupNotices.NotifyWatchersAsync(_db, reply.Id, after, batchSize: 5);
            runs++;
        } while (after is not null);
        await GroupNotices.NotifyWatchersAsync(_db, reply.Id, null, batchSize: 100); // a repeated run adds nothing

        Assert.Equal(3, runs);
        var told = await _db.Notifications.Where(n => n.ReplyId == reply.Id).Select(n => new { n.RecipientId, n.Kind }).ToListAsync();
        Assert.Equal(11, told.Count(n => n.Kind == NotificationKind.WatchedThreadReply));
        Assert.DoesNotContain(told, n => n.RecipientId == watchers[0].Id);
        Assert.Single(told, n => n.RecipientId == owner);
    }

    [Fact]
    public async Task Erasing_a_member_takes_their_group_rows_and_passes_their_group_on()
    {
        var (group, owner) = await GroupAsync();
        var ann = await MemberOfAsync(group);
        var bo = await MemberOfAsync(group, Now.AddMinutes(1));
        var own = await ThreadAsync(group, owner);
        var annThread = await ThreadAsync(group, ann, body: "Ann's thread");
        var reply = await GroupPosting.ReplyAsync(_db, group, await MembershipAsync(group.Id, owner), own, owner, "owner's reply", null, Limits, Now);
        await GroupPosting.ReplyAsync(_db, group, await MembershipAsync(group.Id, bo), annThread, bo, "bo in ann's thread", null, Limits, Now);
        await GroupLikes.LikeThreadAsync(_db, annThread, owner, Now);
        await GroupLikes.LikeReplyAsync(_db, own, reply, ann, Now);
        _db.ChangeTracker.Clear();

        Assert.IsType<ErasureResult.Erased>(await AccountErasure.EraseAsync(_db, owner, Now));

        var after = await FreshAsync(async db => new
        {
            Group = await db.Groups.SingleAsync(g => g.Id == group.Id),
            OwnThread = await db.GroupThreads.SingleAsync(t => t.Id == own.Id),
            Reply = await db.GroupReplies.SingleOrDefaultAsync(r => r.Id == reply.Id),
            AnnThread = await db.GroupThreads.SingleAsync(t => t.Id == annThread.Id),
            Memberships = await db.GroupMembers.Where(m => m.UserId == owner).CountAsync(),
            NewOwner = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.Role == GroupRole.Owner),
        });
        Assert.Equal(0, after.Memberships);
        Assert.Equal(ann, after.Group.OwnerId); // the longest-serving member: no moderators
        Assert.Equal(ann, after.NewOwner.UserId);
        Assert.Equal(2, after.Group.MemberCount);
        Assert.Equal(1, after.Group.ThreadCount);
        Assert.NotNull(after.OwnThread.DeletedAt);
        Assert.Equal("", after.OwnThread.Body);
        Assert.Null(after.Reply); // replies in their own thread went with it
        Assert.Equal(0, after.AnnThread.LikeCount);
        Assert.Equal(1, after.AnnThread.ReplyCount);
    }
}
