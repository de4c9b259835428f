using RedMvc.Domain.Messages;

namespace RedMvc.Web.Features.Messages;

/// <summary>The composer: text and up to MessageLimits.MaxPhotos photos.</summary>
public class MessageForm
{
    public string? Body { get; set; }
    public List<IFormFile> Photos { get; set; } = [];
}

/// <summary>The other member of a conversation; null fields when their account is gone.</summary>
public record Correspondent(string Id, AuthorView? Member)
{
    public bool IsGone => Member is null;
}

/// <summary>A row of the conversation list: who, the newest message in brief, when, and how many are unread.</summary>
public record ConversationItem(long Id, Correspondent Other, string? LastBody, bool LastHasPhotos, MessageCardKind? LastCard, DateTime LastAt, bool LastFromMe, int Unread);

public record ConversationList(bool Requests, IReadOnlyList<ConversationItem> Items, long? NextBefore, int RequestCount);

/// <summary>A shared note, product or group as it shows in the chat; Url null when the viewer may not open it (any more).</summary>
public record CardView(MessageCardKind Kind, string? Url, string? Title, PhotoView? Cover);

public record MessageView(long Id, bool Mine, string? Body, IReadOnlyList<PhotoView> Photos, CardView? Card, DateTime At)
{
    /// <summary>The resource key of the sender's mark on a message screening held (or staff refused); null for a delivered one.</summary>
    public string? Screening { get; init; }
}

/// <summary>
/// A conversation page: Id is null for a first message not yet sent. CannotSendKey says why the composer
/// is closed (a block, a deleted account, waiting for a reply) and is null when the member may write.
/// </summary>
public record ConversationPage(long? Id, Correspondent Other, IReadOnlyList<MessageView> Messages, long? EarlierBefore, long? SeenMessageId,
    bool IsRequest, string? CannotSendKey, MessageForm Form, string? Error)
{
    public string SendAction => Id is { } id ? $"/messages/{id}" : $"/messages/to/{Other.Member!.Handle}";
}

/// <summary>The "send to" page: what is shared and the people it may go to.</summary>
public record SharePage(MessageCard Card, string Title, IReadOnlyList<AuthorView> Recent, IReadOnlyList<AuthorView> Followed);

public record ReportPage(long ConversationId, long MessageId, string? Body, string? Error);
