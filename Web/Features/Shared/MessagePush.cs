using Microsoft.AspNetCore.SignalR;
using RedMvc.Domain.Messages;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// Tells both members' open pages of a stored message, and the recipient's badge its new total.
/// A push that fails (Redis unreachable) is logged and dropped: the message is stored, and pages
/// catch up from the last id they show when they reconnect or reload.
/// </summary>
public class MessagePush(IHubContext<MessagesHub> hub, AppDbContext db, ILogger<MessagePush> logger)
{
    /// <summary>A message screening held is shown to its sender only; the recipient hears of nothing.</summary>
    public async Task SentAsync(Message message)
    {
        var shownTo = message.HeldAt is null ? new[] { message.SenderId, message.RecipientId } : [message.SenderId];
        await TryAsync(() => hub.Clients.Users(shownTo).SendAsync(MessagesHub.MessageArrived, message.ConversationId, message.Id));
        if (message.HeldAt is null) await UnreadChangedAsync(message.RecipientId);
    }

    /// <summary>The reader's badge changes; the writer's open page may show "seen", unless the reader hides read receipts.</summary>
    public async Task ReadAsync(ConversationMember side, long upToMessageId)
    {
        await UnreadChangedAsync(side.MemberId);
        if (await db.Users.AnyAsync(u => u.Id == side.MemberId && u.HideReadReceipts)) return;
        await TryAsync(() => hub.Clients.User(side.OtherMemberId).SendAsync(MessagesHub.Read, side.ConversationId, upToMessageId));
    }

    public async Task UnreadChangedAsync(string memberId)
    {
        var total = await MemberBar.UnreadMessagesAsync(db, memberId);
        await TryAsync(() => hub.Clients.User(memberId).SendAsync(MessagesHub.UnreadChanged, total));
    }

    private async Task TryAsync(Func<Task> push)
    {
        try
        {
            await push();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live message update could not be pushed; pages catch up on their own");
        }
    }
}
