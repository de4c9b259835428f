namespace RedMvc.Domain.Messages;

/// <summary>
/// One message: text, photos, a shared card, or text with either. The recipient is stored beside the
/// sender (a conversation has two members) so "unread messages to R since T" is one indexed query.
/// </summary>
public class Message
{
    private readonly List<MessagePhoto> _photos = [];

    private Message() { }

    internal Message(long conversationId, string senderId, string recipientId, string? body, MessageCard? card, IEnumerable<string> photoKeys, DateTime now)
    {
        ConversationId = conversationId;
        SenderId = senderId;
        RecipientId = recipientId;
        Body = body;
        CardKind = card?.Kind;
        CardId = card?.Id;
        CreatedAt = now;
        var position = 0;
        foreach (var key in photoKeys) _photos.Add(new MessagePhoto(key, position++));
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public string SenderId { get; private set; } = "";
    public string RecipientId { get; private set; } = "";
    public string? Body { get; private set; }
    public MessageCardKind? CardKind { get; private set; }
    public long? CardId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Screening held it for review: the sender sees it marked; the recipient gets it when staff approve it.</summary>
    public DateTime? HeldAt { get; private set; }

    public IReadOnlyList<MessagePhoto> Photos => _photos;

    public void Hold(DateTime now) => HeldAt ??= now;

    /// <summary>Staff refused it (held by screening, or reported after delivery): it is held back from the recipient for good, and its sender sees so.</summary>
    public DateTime? RefusedAt { get; private set; }

    public void ApproveHeld() => HeldAt = null;

    /// <summary>Held back as well as refused, so every "reaches the recipient" read (HeldAt is null) leaves it out.</summary>
    public void Refuse(DateTime now) => (HeldAt, RefusedAt) = (HeldAt ?? now, RefusedAt ?? now);

    /// <summary>Staff restored a refused message: the recipient sees it again.</summary>
    public void Restore() => (HeldAt, RefusedAt) = (null, null);
}
