using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests.Moderation;

/// <summary>The screening list and the held queue in Domain, on a real SQLite file through the real migrations.</summary>
public sealed class HeldPostsTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly ScreeningVerdict Held = new(ScreenAction.Hold, "vx");
    private MigratedSqlite _database = null!;

    public async Task InitializeAsync() => _database = await MigratedSqlite.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_list_is_read_from_the_database_and_a_forgotten_copy_is_read_again()
    {
        var db = _database.Db;
        var staff = await db.AddMemberAsync();
        var screening = new Screening();
        Assert.Equal(ScreeningVerdict.Pass, await screening.JudgeAsync(db, "加ＶＸ"));

        Assert.Null(await ScreeningList.AddAsync(db, new StaffActor(staff.Id, null), " VX ", ScreenAction.Hold, null, Now));
        screening.Forget();

        Assert.Equal(new ScreeningVerdict(ScreenAction.Hold, "VX"), await screening.JudgeAsync(db, "加ＶＸ"));
        Assert.Equal(("Phrase", "Screening.Error.Listed"), await ScreeningList.AddAsync(db, new StaffActor(staff.Id, null), "ｖｘ", ScreenAction.Block, null, Now));
    }

    [Fact]
    public async Task A_held_comment_tells_nobody_until_approved_and_then_the_notes_author_hears_of_it()
    {
        var db = _database.Db;
        var author = await db.AddMemberAsync();
        var commenter = await db.AddMemberAsync();
        var staff = await db.AddMemberAsync();
        var note = await db.PublishNoteAsync(author.Id, at: Now);
        var comment = Comment.OnNote(note.Id, commenter.Id, "加vx", Now);
        comment.Screen(Held, Now);

        await NoteComments.AddAsync(db, comment);
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == author.Id && n.Kind == NotificationKind.Comment));
        Assert.Single(await HeldPosts.QueueAsync(db), h => h.Kind == ReportTarget.Comment && h.TargetId == comment.Id.ToString());

        Assert.Null(await HeldPosts.ApproveAsync(db, new StaffActor(staff.Id, null), ReportTarget.Comment, comment.Id.ToString(), Now));

        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == author.Id && n.Kind == NotificationKind.Comment));
        Assert.Null((await _database.NewContext().Comments.SingleAsync(c => c.Id == comment.Id)).HeldAt);
        Assert.Empty(await HeldPosts.QueueAsync(db));
        Assert.Equal("Admin.Error.NoTarget", await HeldPosts.ApproveAsync(db, new StaffActor(staff.Id, null), ReportTarget.Comment, comment.Id.ToString(), Now));
    }

    [Fact]
    public async Task A_held_note_mentions_nobody_until_approved()
    {
        var db = _database.Db;
        var author = await db.AddMemberAsync();
        var friend = await db.AddMemberAsync();
        var staff = await db.AddMemberAsync();
        var content = new NoteContent("周末露营", $"和 @{friend.Handle} 一起 加vx", "travel", null, NoteVisibility.Public, false);
        var note = await NotePosting.SaveAsync(db, author.Id, null, new NotePost(content, PostAction.Publish, null, [], 1),
            [new NewPhoto("originals/held", "a.jpg")], new NoteLimits(), Now, screening: Held);

        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == friend.Id));

        Assert.Null(await HeldPosts.ApproveAsync(db, new StaffActor(staff.Id, null), ReportTarget.Note, note.Id.ToString(), Now));
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == friend.Id && n.Kind == NotificationKind.Mention));
    }

    [Fact]
    public async Task Removing_a_held_thread_goes_through_the_staff_desk_the_author_sees_why_and_the_group_counts_it_out()
    {
        var db = _database.Db;
        var owner = await db.AddMemberAsync();
        var staff = await db.AddMemberAsync();
        var group = await GroupMemberships.CreateAsync(db, owner.Id, new GroupInput("Camping", "Tents", null, "travel", false), new GroupLimits(), Now);
        var membership = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.UserId == owner.Id);
        var thread = await GroupPosting.StartThreadAsync(db, group, membership, owner.Id, ThreadKind.Discussion, new PostInput("加vx", "便宜帐篷"), [],
            new GroupLimits(), Now, Held);

        Assert.Null(await HeldPosts.RemoveAsync(db, new StaffActor(staff.Id, null), ReportTarget.Thread, thread.Id.ToString(), ReportCategory.Spam, "Advertising", Now));

        db.ChangeTracker.Clear();
        var removed = await db.GroupThreads.SingleAsync(t => t.Id == thread.Id);
        Assert.Equal(("Advertising", null), (removed.RemovedReason, removed.HeldAt));
        Assert.Equal(0, await db.Groups.Where(g => g.Id == group.Id).Select(g => g.ThreadCount).SingleAsync());
        Assert.Equal(PenaltyKind.Warning, (await db.Penalties.SingleAsync(p => p.UserId == owner.Id)).Kind);
        Assert.Empty(await HeldPosts.QueueAsync(db));
    }

    [Fact]
    public async Task A_held_product_the_brand_archived_stays_in_the_queue_and_staff_can_approve_it()
    {
        var db = _database.Db;
        var staff = await db.AddMemberAsync();
        var shop = await db.OpenShopAsync();
        var product = await db.ProductOnSaleAsync(shop.Id, title: "加vx 保温杯");
        product.Screen(Held, Now);
        product.Archive(Now);
        await db.SaveChangesAsync();

        Assert.Single(await HeldPosts.QueueAsync(db), h => h.Kind == ReportTarget.Product && h.TargetId == product.Id.ToString());
        Assert.Null(await HeldPosts.ApproveAsync(db, new StaffActor(staff.Id, null), ReportTarget.Product, product.Id.ToString(), Now));

        var approved = await _database.NewContext().Products.SingleAsync(p => p.Id == product.Id);
        Assert.Equal((ProductStatus.Archived, (DateTime?)null), (approved.Status, approved.HeldAt));
    }

    [Fact]
    public async Task A_held_thread_and_reply_tell_their_people_when_approved()
    {
        var db = _database.Db;
        var owner = await db.AddMemberAsync();
        var replier = await db.AddMemberAsync();
        var friend = await db.AddMemberAsync();
        var staff = await db.AddMemberAsync();
        var group = await GroupMemberships.CreateAsync(db, owner.Id, new GroupInput("Camping", "Tents", null, "travel", false), new GroupLimits(), Now);
        await GroupMemberships.JoinAsync(db, group, replier.Id, Now);
        var ownership = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.UserId == owner.Id);
        var membership = await db.GroupMembers.SingleAsync(m => m.GroupId == group.Id && m.UserId == replier.Id);
        var thread = await GroupPosting.StartThreadAsync(db, group, ownership, owner.Id, ThreadKind.Discussion, new PostInput("加vx", $"和 @{friend.Handle} 去"), [],
            new GroupLimits(), Now, Held);
        await HeldPosts.ApproveAsync(db, new StaffActor(staff.Id, null), ReportTarget.Thread, thread.Id.ToString(), Now);
        var reply = await GroupPosting.ReplyAsync(db, group, membership, thread, replier.Id, "加vx", null, new GroupLimits(), Now, Held);
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == owner.Id));

        Assert.Null(await HeldPosts.ApproveAsync(db, new StaffActor(staff.Id, null), ReportTarget.Reply, reply.Id.ToString(), Now));

        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == friend.Id && n.Kind == NotificationKind.GroupMention && n.ThreadId == thread.Id));
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == owner.Id && n.Kind == NotificationKind.GroupReply && n.ReplyId == reply.Id));
    }

    [Fact]
    public async Task Erasing_the_staff_member_who_added_a_phrase_keeps_the_phrase_as_staff_record()
    {
        var db = _database.Db;
        var staff = await db.AddMemberAsync();
        await ScreeningList.AddAsync(db, new StaffActor(staff.Id, null), "假货", ScreenAction.Block, "fakes", Now);

        await AccountErasure.EraseAsync(_database.NewContext(), staff.Id, Now);

        var kept = await _database.NewContext().ScreenedPhrases.SingleAsync();
        Assert.Equal(("假货", staff.Id), (kept.Phrase, kept.AddedById));
    }
}
