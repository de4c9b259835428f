using Microsoft.AspNetCore.SignalR;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// Live delivery to signed-in pages. The hub only pushes: messages are written by the controller
/// first, and a page that hears of one (or reconnects) fetches what it lacks from
/// /messages/{id}/after/{lastId}, so nothing is lost when a push is.
/// </summary>
[Authorize]
public class MessagesHub : Hub
{
    public const string Path = "/messages/hub";

    /// <summary>Client method: a message in a conversation the member is in (conversationId, messageId).</summary>
    public const string MessageArrived = "message";

    /// <summary>Client method: the other member read the conversation up to a message (conversationId, messageId): "seen".</summary>
    public const string Read = "read";

    /// <summary>Client method: the member's unread message total changed (the badge).</summary>
    public const string UnreadChanged = "unread";
}
