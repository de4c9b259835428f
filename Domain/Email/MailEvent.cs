using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Email;

/// <summary>One thing a member may hear about by email: a notification (or, for Messages, a message), by its id in its own table.</summary>
public sealed class MailEvent
{
    public required long Id { get; init; }
    public required string RecipientId { get; init; }
    public required string ActorId { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>Null for an event that is not a notification (a message).</summary>
    public NotificationKind? Kind { get; init; }
    public long? NoteId { get; init; }
}
