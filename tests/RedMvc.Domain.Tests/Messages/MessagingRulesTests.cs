using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Messages;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests.Messages;

/// <summary>Who may message whom (strangers, blocks, deleted accounts), what a message may hold, and read state, on a migrated SQLite file.</summary>
public sealed class MessagingRulesTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private readonly MessageLimits _limits = new();
    private MigratedSqlite _database = null!;
    private AppDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _database = await MigratedSqlite.CreateAsync();
        _db = _database.Db;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<string> MemberAsync(bool refuseStrangers = false)
    {
        var member = Members.New();
        member.RefuseMessagesFromStrangers = refuseStrangers;
        _db.Users.Add(member);
        await _db.SaveChangesAsync();
        return member.Id;
    }

    private Task<string?> ProblemAsync(string from, string to, string? body = "你好") =>
        Messaging.ProblemAsync(_db, from, to, new MessageDraft(body), _limits, Now);

    private Task<Message> SendAsync(string from, string to, string body = "你好") =>
        Messaging.SendAsync(_db, from, to, new MessageDraft(body), [], _limits, Now);

    private Task<ConversationMember> SideAsync(long conversationId, string memberId) =>
        _database.NewContext().ConversationMembers.SingleAsync(m => m.ConversationId == conversationId && m.MemberId == memberId);

    [Fact]
    public async Task A_strangers_first_message_is_a_request_and_they_wait_for_a_reply_before_the_next()
    {
        var stranger = await MemberAsync();
        var recipient = await MemberAsync();

        var first = await SendAsync(stranger, recipient);

        Assert.False((await SideAsync(first.ConversationId, recipient)).Accepted);
        Assert.True((await SideAsync(first.ConversationId, stranger)).Accepted);
        Assert.Equal("Message.Error.WaitForReply", await ProblemAsync(stranger, recipient));
        await Assert.ThrowsAsync<MessageRuleException>(() => SendAsync(stranger, recipient));

        await SendAsync(recipient, stranger, "你好呀");

        Assert.True((await SideAsync(first.ConversationId, recipient)).Accepted);
        Assert.Null(await ProblemAsync(stranger, recipient));
        await SendAsync(stranger, recipient);
        await SendAsync(stranger, recipient);
        Assert.Equal(4, await _db.Messages.CountAsync(m => m.ConversationId == first.ConversationId));
    }

    [Fact]
    public async Task The_stranger_allowance_is_a_setting()
    {
        var stranger = await MemberAsync();
        var recipient = await MemberAsync();
        _limits.StrangerMessages = 3;

        for (var i = 0; i < 3; i++) await SendAsync(stranger, recipient);

        Assert.Equal("Message.Error.WaitForReply", await ProblemAsync(stranger, recipient));
    }

    [Fact]
    public async Task Someone_the_recipient_follows_writes_freely_and_following_back_lifts_the_wait()
    {
        var friend = await MemberAsync();
        var stranger = await MemberAsync();
        var recipient = await MemberAsync();
        _db.Follows.Add(new Follow(recipient, friend, Now));
        await _db.SaveChangesAsync();

        var fromFriend = await SendAsync(friend, recipient);
        await SendAsync(friend, recipient);
        Assert.True((await SideAsync(fromFriend.ConversationId, recipient)).Accepted);

        await SendAsync(stranger, recipient);
        Assert.Equal("Message.Error.WaitForReply", await ProblemAsync(stranger, recipient));
        await Following.FollowAsync(_db, recipient, stranger, Now);
        Assert.Null(await ProblemAsync(stranger, recipient));
    }

    [Fact]
    public async Task A_member_who_refuses_strangers_hears_only_from_people_they_follow()
    {
        var stranger = await MemberAsync();
        var friend = await MemberAsync();
        var recipient = await MemberAsync(refuseStrangers: true);
        _db.Follows.Add(new Follow(recipient, friend, Now));
        await _db.SaveChangesAsync();

        Assert.Equal("Message.Error.StrangersRefused", await ProblemAsync(stranger, recipient));
        Assert.Null(await ProblemAsync(friend, recipient));
        // They may still write to the stranger, and a reply makes the stranger someone they accepted.
        await SendAsync(recipient, stranger);
        Assert.Null(await ProblemAsync(stranger, recipient));
    }

    [Fact]
    public async Task A_block_either_way_ends_messages_both_ways()
    {
        var one = await MemberAsync();
        var other = await MemberAsync();
        _db.Follows.AddRange(new Follow(one, other, Now), new Follow(other, one, Now));
        await _db.SaveChangesAsync();
        await SendAsync(one, other);

        await Blocking.BlockAsync(_db, other, one, Now);

        Assert.Equal("Message.Error.Blocked", await ProblemAsync(one, other));
        Assert.Equal("Message.Error.Blocked", await ProblemAsync(other, one));
        await Blocking.UnblockAsync(_db, other, one);
        // The block ended the follows; the one who wrote first accepted the conversation by writing, so the other may answer.
        Assert.Null(await ProblemAsync(other, one));
    }

    [Fact]
    public async Task Nobody_writes_to_a_deleted_account_and_erasing_one_keeps_the_others_messages()
    {
        var leaving = await MemberAsync();
        var staying = await MemberAsync();
        _db.Follows.AddRange(new Follow(leaving, staying, Now), new Follow(staying, leaving, Now));
        await _db.SaveChangesAsync();
        var theirs = await SendAsync(leaving, staying, "我要走了");
        var mine = await SendAsync(staying, leaving, "保重");

        await AccountErasure.EraseAsync(_database.NewContext(), leaving, Now);

        Assert.Equal("Message.Error.RecipientGone", await ProblemAsync(staying, leaving));
        var left = await _database.NewContext().Messages.Where(m => m.ConversationId == theirs.ConversationId).Select(m => m.Id).ToListAsync();
        Assert.Equal([mine.Id], left);
        Assert.False(await _database.NewContext().ConversationMembers.AnyAsync(m => m.MemberId == leaving));
        Assert.Equal(mine.Id, (await SideAsync(theirs.ConversationId, staying)).LastMessageId);

        await AccountErasure.EraseAsync(_database.NewContext(), staying, Now);
        Assert.False(await _database.NewContext().Conversations.AnyAsync(c => c.Id == theirs.ConversationId));
    }

    [Theory]
    [InlineData("", 0, "Message.Error.Empty")]
    [InlineData(" \u200B\n ", 0, "Message.Error.Empty")]
    [InlineData("hi", 10, "Message.Error.TooManyPhotos")]
    [InlineData("ok", 9, null)]
    [InlineData("", 1, null)]
    public void A_message_needs_something_to_show_and_at_most_nine_photos(string body, int photos, string? expected) =>
        Assert.Equal(expected, Messaging.DraftProblem(new MessageDraft(body, photos), _limits));

    [Fact]
    public void Text_is_limited_as_a_reader_counts_it()
    {
        Assert.Null(Messaging.DraftProblem(new MessageDraft(new string('字', 1000)), _limits));
        Assert.Equal("Message.Error.TooLong", Messaging.DraftProblem(new MessageDraft(new string('字', 1001)), _limits));
        Assert.Null(Messaging.DraftProblem(new MessageDraft(string.Concat(Enumerable.Repeat("👍🏽", 1000))), _limits));
        Assert.Null(Messaging.DraftProblem(new MessageDraft(null, 0, new MessageCard(MessageCardKind.Note, 5)), _limits));
    }

    [Fact]
    public async Task A_member_starts_only_so_many_conversations_a_day()
    {
        _limits.NewConversationsPerDay = 2;
        var sender = await MemberAsync();
        var first = await MemberAsync();
        await SendAsync(sender, first);
        await SendAsync(sender, await MemberAsync());

        Assert.Equal("Message.Error.TooManyNewConversations", await ProblemAsync(sender, await MemberAsync()));
        await SendAsync(first, sender);
        Assert.Null(await ProblemAsync(sender, first)); // an existing conversation is not a new one
    }

    [Fact]
    public async Task Read_marks_only_move_forward_and_deleting_for_oneself_hides_until_a_new_message()
    {
        var one = await MemberAsync();
        var other = await MemberAsync();
        _db.Follows.Add(new Follow(other, one, Now));
        await _db.SaveChangesAsync();
        var first = await SendAsync(one, other);
        var second = await SendAsync(one, other);
        var conversation = first.ConversationId;

        var side = await SideAsync(conversation, other);
        Assert.True(side.HasUnread);
        Assert.Equal(second.Id, side.LastMessageId);
        Assert.Equal(second.Id, (await SideAsync(conversation, one)).LastReadMessageId);

        await Messaging.MarkReadAsync(_db, conversation, other, second.Id);
        await Messaging.MarkReadAsync(_db, conversation, other, first.Id);
        Assert.Equal(second.Id, (await SideAsync(conversation, other)).LastReadMessageId);

        var third = await SendAsync(one, other);
        await Messaging.DeleteForMemberAsync(_db, conversation, other);
        side = await SideAsync(conversation, other);
        Assert.False(side.IsListed);
        Assert.False(side.HasUnread);
        Assert.True((await SideAsync(conversation, one)).IsListed);

        var fourth = await SendAsync(one, other);
        side = await SideAsync(conversation, other);
        Assert.True(side.IsListed);
        Assert.Equal(third.Id, side.DeletedUpToId);
        Assert.Equal(fourth.Id, side.LastMessageId);
    }
}
