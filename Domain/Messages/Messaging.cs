using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Messages;

/// <summary>
/// Sending, reading and deleting private messages: the one workflow the pages, the hub's callers and
/// the tests use. Who may write to whom: nobody across a block either way, nobody to a deleted
/// account; someone the recipient does not follow is a stranger, whose first message is a request
/// and who may send only MessageLimits.StrangerMessages until the recipient replies or follows back,
/// and nothing at all when the recipient refuses strangers.
/// </summary>
public static class Messaging
{
    /// <summary>The resource key of what is wrong with the message itself (text, photo count), or null.</summary>
    public static string? DraftProblem(MessageDraft draft, MessageLimits limits)
    {
        if (draft.PhotoCount > limits.MaxPhotos) return "Message.Error.TooManyPhotos";
        var text = limits.BodyRule.Check(draft.Body);
        if (text.Problem is not null) return text.ErrorKey("Message.Error.Empty", "Message.Error.TooLong");
        return text.OrNull is null && draft.PhotoCount == 0 && draft.Card is null ? "Message.Error.Empty" : null;
    }

    /// <summary>The resource key of why the sender may not send this to the recipient now (the draft's problems first), or null.</summary>
    public static async Task<string?> ProblemAsync(AppDbContext db, string senderId, string recipientId, MessageDraft draft, MessageLimits limits,
        DateTime now, CancellationToken cancellationToken = default) =>
        DraftProblem(draft, limits) ?? await GateAsync(db, senderId, recipientId, limits, now, cancellationToken);

    /// <summary>
    /// The resource key of why the sender may not write to the recipient now, whatever the message, or
    /// null: a deleted account, a block either way, a stranger refused or waiting for a reply, or the
    /// daily limit on new conversations.
    /// </summary>
    public static async Task<string?> GateAsync(AppDbContext db, string senderId, string recipientId, MessageLimits limits, DateTime now,
        CancellationToken cancellationToken = default)
    {
        if (senderId == recipientId) return "Message.Error.Self";
        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == recipientId)
            .Select(u => new { u.Handle, u.RefuseMessagesFromStrangers }).SingleOrDefaultAsync(cancellationToken);
        if (recipient is null || AccountErasure.IsTombstone(recipient.Handle)) return "Message.Error.RecipientGone";
        if (await Blocking.EitherBlockedAsync(db, senderId, recipientId, cancellationToken)) return "Message.Error.Blocked";
        var conversationId = await FindAsync(db, senderId, recipientId, cancellationToken);
        if (!await AcceptsAsync(db, recipientId, senderId, conversationId, cancellationToken))
        {
            if (recipient.RefuseMessagesFromStrangers) return "Message.Error.StrangersRefused";
            var sent = conversationId is { } id ? await db.Messages.CountAsync(m => m.ConversationId == id && m.SenderId == senderId, cancellationToken) : 0;
            if (sent >= limits.StrangerMessages) return "Message.Error.WaitForReply";
        }
        if (conversationId is null)
        {
            var since = now.AddDays(-1);
            if (await db.Conversations.CountAsync(c => c.StartedById == senderId && c.CreatedAt > since, cancellationToken) >= limits.NewConversationsPerDay)
                return "Message.Error.TooManyNewConversations";
        }
        return null;
    }

    /// <summary>
    /// Stores a message that ProblemAsync allows (it asks again and throws otherwise), starting the
    /// conversation when it is the pair's first. Photos are originals already kept under their keys;
    /// the caller enqueues their processing and pushes the news after this returns.
    /// </summary>
    public static async Task<Message> SendAsync(AppDbContext db, string senderId, string recipientId, MessageDraft draft, IReadOnlyList<string> photoKeys,
        MessageLimits limits, DateTime now, ScreeningVerdict screening = default, CancellationToken cancellationToken = default)
    {
        if (screening.Blocks) throw new MessageRuleException(ScreeningVerdict.BlockedKey);
        if (photoKeys.Count != draft.PhotoCount) throw new ArgumentException("Every photo counted in the draft is stored.", nameof(photoKeys));
        if (await ProblemAsync(db, senderId, recipientId, draft, limits, now, cancellationToken) is { } problem) throw new MessageRuleException(problem);
        var body = limits.BodyRule.Check(draft.Body).OrNull;
        Message? message = null;
        await db.InTransactionAsync(async () =>
        {
            var conversationId = await FindAsync(db, senderId, recipientId, cancellationToken)
                ?? await StartAsync(db, senderId, recipientId, now, cancellationToken);
            message = new Message(conversationId, senderId, recipientId, body, draft.Card, photoKeys, now);
            if (screening.Holds) message.Hold(now);
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            var id = message.Id;
            // A held message moves only its sender's list; the recipient's moves when staff approve it (HeldPosts).
            await db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.LastMessageId < id && (!screening.Holds || m.MemberId == senderId))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastMessageId, id), cancellationToken);
            // Writing in a conversation accepts it, and one's own message is read.
            await db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.MemberId == senderId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Accepted, true).SetProperty(m => m.LastReadMessageId, id), cancellationToken);
        }, cancellationToken);
        return message!;
    }

    /// <summary>The pair's conversation id, or null before their first message.</summary>
    public static Task<long?> FindAsync(AppDbContext db, string oneId, string otherId, CancellationToken cancellationToken = default)
    {
        var (a, b) = Conversation.Pair(oneId, otherId);
        return db.Conversations.Where(c => c.MemberAId == a && c.MemberBId == b).Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the member takes messages from the other without limits: they follow them, or replied in the conversation.</summary>
    public static async Task<bool> AcceptsAsync(AppDbContext db, string memberId, string otherId, long? conversationId, CancellationToken cancellationToken = default) =>
        await db.Follows.AnyAsync(f => f.FollowerId == memberId && f.FolloweeId == otherId, cancellationToken)
        || (conversationId is { } id && await db.ConversationMembers.AnyAsync(m => m.ConversationId == id && m.MemberId == memberId && m.Accepted, cancellationToken));

    /// <summary>Moves the member's read mark forward to the message (never back).</summary>
    public static Task MarkReadAsync(AppDbContext db, long conversationId, string memberId, long upToMessageId, CancellationToken cancellationToken = default) =>
        db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.MemberId == memberId && m.LastReadMessageId < upToMessageId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadMessageId, upToMessageId), cancellationToken);

    /// <summary>Hides the conversation's messages so far from the member (the other keeps theirs); a new message brings it back.</summary>
    public static Task DeleteForMemberAsync(AppDbContext db, long conversationId, string memberId, CancellationToken cancellationToken = default) =>
        db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.MemberId == memberId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeletedUpToId, m => m.LastMessageId)
                .SetProperty(m => m.LastReadMessageId, m => m.LastMessageId > m.LastReadMessageId ? m.LastMessageId : m.LastReadMessageId), cancellationToken);

    /// <summary>
    /// A new conversation with both members' rows: the sender has accepted it; the recipient has when
    /// they follow the sender, else it waits in their requests. Two first messages at once meet at the
    /// unique pair: the loser takes the winner's conversation.
    /// </summary>
    private static async Task<long> StartAsync(AppDbContext db, string senderId, string recipientId, DateTime now, CancellationToken cancellationToken)
    {
        var conversation = Conversation.Start(senderId, recipientId, now);
        db.Conversations.Add(conversation);
        // A savepoint, because PostgreSQL refuses every statement after a failed one until it is rolled back to.
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("conversation", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackToSavepointAsync("conversation", cancellationToken);
            db.Entry(conversation).State = EntityState.Detached;
            return await FindAsync(db, senderId, recipientId, cancellationToken) ?? throw new InvalidOperationException("The conversation vanished.");
        }
        var recipientFollows = await db.Follows.AnyAsync(f => f.FollowerId == recipientId && f.FolloweeId == senderId, cancellationToken);
        db.ConversationMembers.Add(new ConversationMember(conversation.Id, senderId, recipientId, accepted: true));
        db.ConversationMembers.Add(new ConversationMember(conversation.Id, recipientId, senderId, recipientFollows));
        await db.SaveChangesAsync(cancellationToken);
        return conversation.Id;
    }
}
