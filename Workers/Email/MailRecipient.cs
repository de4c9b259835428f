namespace RedMvc.Workers.Email;

/// <summary>A member with a confirmed address, as notification mail needs them.</summary>
public record MailRecipient(string Id, string Email, string DisplayName, string? Culture, string? TimeZone);
