namespace RedMvc.Domain.Email;

/// <summary>
/// One email to send. The unique key (Purpose, Recipient, SubjectId) makes queueing the same
/// message twice a no-op, and SentAt makes a retried send job a no-op.
/// </summary>
public class EmailOutboxMessage
{
    public const int MaxAttempts = 10;

    private EmailOutboxMessage() { }

    public EmailOutboxMessage(string purpose, string recipient, string subjectId, string subject, string htmlBody, string textBody, string? unsubscribeUrl = null)
    {
        UnsubscribeUrl = unsubscribeUrl;
        Purpose = purpose;
        Recipient = recipient.Trim().ToLowerInvariant();
        SubjectId = subjectId;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        CreatedAt = DateTime.UtcNow;
    }

    public long Id { get; private set; }
    public string Purpose { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string SubjectId { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";

    /// <summary>A notification mail's one-click unsubscribe address (RFC 8058), sent as List-Unsubscribe; null for account mail.</summary>
    public string? UnsubscribeUrl { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }

    /// <summary>Set atomically by the send job that claims the row, so two runners never send it at once.</summary>
    public DateTime? LockedUntil { get; private set; }

    public bool IsSent => SentAt is not null;
    public bool HasGivenUp => !IsSent && Attempts >= MaxAttempts;

    public void MarkSent(DateTime now)
    {
        if (IsSent) return;
        SentAt = now;
        LastAttemptAt = now;
        LastError = null;
        LockedUntil = null;
    }

    public void RecordFailure(string error, DateTime now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length > 1000 ? error[..1000] : error;
        LockedUntil = null;
    }
}
