using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Workers.Email;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Sends one outbox row. Safe to run any number of times: it claims the row with an atomic update
/// and does nothing once the row is sent.
/// </summary>
public class SendEmailJob(AppDbContext db, IEmailSender sender, IOptions<EmailOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    [Queue(Queues.Email)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [15, 60, 300, 900, 3600])]
    public async Task RunAsync(long messageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await TryClaimAsync(messageId, now, cancellationToken)) return;

        var message = await db.EmailOutbox.SingleAsync(m => m.Id == messageId, cancellationToken);
        try
        {
            await sender.SendAsync(ToMime(message), cancellationToken);
        }
        catch (Exception ex)
        {
            message.RecordFailure($"{ex.GetType().Name}: {ex.Message}", now);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        message.MarkSent(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Only one runner may hold an unsent row; a claim left by a crashed runner expires.</summary>
    private async Task<bool> TryClaimAsync(long messageId, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + ClaimDuration;
        var claimed = await db.EmailOutbox
            .Where(m => m.Id == messageId && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), cancellationToken);
        return claimed == 1;
    }

    private MimeMessage ToMime(EmailOutboxMessage message)
    {
        var email = options.Value;
        var mime = new MimeMessage
        {
            // A stable Message-ID lets receiving servers drop a copy if a crash forces a resend.
            MessageId = $"outbox-{message.Id}-{message.CreatedAt:yyyyMMddHHmmss}@redmvc",
            Subject = message.Subject,
            Date = message.CreatedAt,
        };
        mime.From.Add(new MailboxAddress(email.FromName, email.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients offer "unsubscribe" and POST List-Unsubscribe=One-Click to the address themselves.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        return mime;
    }
}
