using RedMvc.Domain.Email;

namespace RedMvc.Workers.Email;

/// <summary>What a genuine unsubscribe link asks: these categories of this member's mail go off.</summary>
public record UnsubscribeRequest(string UserId, IReadOnlyList<MailCategory> Categories);
