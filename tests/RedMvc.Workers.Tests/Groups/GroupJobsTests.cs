using Hangfire;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Notifications;
using RedMvc.Workers.Files;

namespace RedMvc.Workers.Tests.Groups;

/// <summary>The groups jobs called directly, each run twice to prove a repeat does no harm.</summary>
public class GroupJobsTests
{
    private static readonly GroupLimits Limits = new();

    private static async Task<(long GroupId, long ThreadId, long ReplyId, List<string> Watchers)> ThreadWithWatchersAsync(WorkersHost host, int watchers) =>
        await host.Services.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var owner = await db.AddMemberAsync();
            var replier = await db.AddMemberAsync();
            var group = await GroupMemberships.CreateAsync(db, owner.Id, new GroupInput("露营" + Guid.NewGuid().ToString("N")[..6], null, null, "travel", false), Limits, now);
            await GroupMemberships.JoinAsync(db, group, replier.Id, now);
            var ownerMembership = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.UserId == owner.Id);
            var thread = await GroupPosting.StartThreadAsync(db, group, ownerMembership, owner.Id, ThreadKind.Discussion, new PostInput("帐篷", "哪款好"), [], Limits, now);
            var crowd = await db.AddMembersAsync(watchers);
            foreach (var w in crowd) db.ThreadWatches.Add(new ThreadWatch(thread.Id, w.Id, WatchLevel.Watching));
            await db.SaveChangesAsync();
            var membership = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.UserId == replier.Id);
            var reply = await GroupPosting.ReplyAsync(db, group, membership, thread, replier.Id, "我推荐隧道帐", null, Limits, now);
            return (group.Id, thread.Id, reply.Id, crowd.Select(c => c.Id).ToList());
        });

    [Fact]
    public async Task Watchers_are_told_in_batches_each_run_enqueueing_the_next_and_a_repeat_tells_nobody_twice()
    {
        await using var host = await WorkersHost.StartAsync();
        var (_, _, replyId, watchers) = await ThreadWithWatchersAsync(host, GroupNotices.WatcherBatch + 20);
        var monitor = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Task RunAsync(string? after) => host.InScopeAsync(sp => sp.GetRequiredService<NotifyThreadWatchersJob>().RunAsync(replyId, after, CancellationToken.None));

        await RunAsync(null);
        var next = Assert.Single(monitor.EnqueuedJobs(Queues.Bulk, 0, 10));
        Assert.Equal(GroupNotices.WatcherBatch, await host.Services.WithDbAsync(db => db.Notifications.CountAsync(n => n.ReplyId == replyId && n.Kind == NotificationKind.WatchedThreadReply)));
        await RunAsync((string?)next.Value.Job.Args[1]);
        await RunAsync(null); // the whole walk again: nothing new
        await RunAsync((string?)next.Value.Job.Args[1]);

        var told = await host.Services.WithDbAsync(db => db.Notifications.Where(n => n.ReplyId == replyId && n.Kind == NotificationKind.WatchedThreadReply).Select(n => n.RecipientId).ToListAsync());
        Assert.Equal(watchers.Order(), told.Order());
    }

    [Fact]
    public async Task The_recount_puts_drifted_counts_right_and_changes_nothing_the_second_time()
    {
        await using var host = await WorkersHost.StartAsync();
        var (groupId, threadId, _, _) = await ThreadWithWatchersAsync(host, 0);
        await host.Services.WithDbAsync(async db =>
        {
            await db.GroupThreads.Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplyCount, 40).SetProperty(t => t.LikeCount, -3));
            await db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, 99).SetProperty(g => g.ThreadCount, 0));
        });
        for (var run = 0; run < 2; run++)
            await host.InScopeAsync(sp => sp.GetRequiredService<GroupActivityJob>().RecountAsync(CancellationToken.None));

        var (thread, group) = await host.Services.WithDbAsync(async db => (await db.GroupThreads.SingleAsync(t => t.Id == threadId), await db.Groups.SingleAsync(g => g.Id == groupId)));
        Assert.Equal((1, 0), (thread.ReplyCount, thread.LikeCount));
        Assert.Equal((2, 1), (group.MemberCount, group.ThreadCount));
    }

    [Fact]
    public async Task A_deleted_groups_thread_photos_are_removed_with_their_files()
    {
        await using var host = await WorkersHost.StartAsync();
        var files = host.Services.GetRequiredService<IFileStore>();
        var (groupId, threadId) = await host.Services.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var owner = await db.AddMemberAsync();
            var group = await GroupMemberships.CreateAsync(db, owner.Id, new GroupInput("胶片" + Guid.NewGuid().ToString("N")[..6], null, null, "film", false), Limits, now);
            var membership = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id);
            var thread = await GroupPosting.StartThreadAsync(db, group, membership, owner.Id, ThreadKind.Discussion, new PostInput("一卷", "扫描"), ["originals/groups/test-a"], Limits, now);
            await GroupMemberships.DeleteAsync(db, group, membership, now);
            return (group.Id, thread.Id);
        });
        await files.SaveAsync("originals/groups/test-a", new MemoryStream([1, 2, 3]), CancellationToken.None);

        for (var run = 0; run < 2; run++)
            await host.InScopeAsync(sp => sp.GetRequiredService<DeleteGroupPhotosJob>().RunAsync(CancellationToken.None));

        Assert.Null(await files.OpenReadAsync("originals/groups/test-a", CancellationToken.None));
        Assert.False(await host.Services.WithDbAsync(db => db.GroupThreadPhotos.AnyAsync(p => p.ThreadId == threadId)));
        Assert.NotEqual(0, groupId);
    }
}
