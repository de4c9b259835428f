using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Workers.Jobs;

namespace RedMvc.Workers.Email;

/// <summary>
/// The one way mail leaves the site: render, write an outbox row (unique per purpose, recipient and
/// subject), then enqueue the send job. A duplicate queue request is a no-op.
/// </summary>
public class OutboxMailer(AppDbContext db, EmailRenderer renderer, IBackgroundJobClient jobs, ILogger<OutboxMailer> logger)
{
    /// <returns>True when a new message was queued; false when the same message was queued before.</returns>
    public async Task<bool> QueueAsync(string purpose, string recipient, string subjectId, EmailContent content, CancellationToken cancellationToken = default)
    {
        var normalizedRecipient = recipient.Trim().ToLowerInvariant();
        if (await AlreadyQueuedAsync(purpose, normalizedRecipient, subjectId, cancellationToken)) return false;

        var (html, text) = await renderer.RenderAsync(content);
        var message = new EmailOutboxMessage(purpose, normalizedRecipient, subjectId, content.Subject, html, text);
        db.EmailOutbox.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(message).State = EntityState.Detached;
            // Another request queued the same message between our check and our insert.
            if (await AlreadyQueuedAsync(purpose, normalizedRecipient, subjectId, cancellationToken)) return false;
            throw;
        }
        // The row is committed before the job exists; if enqueueing fails, the sweeper sends it later.
        try
        {
            jobs.Enqueue<SendEmailJob>(job => job.RunAsync(message.Id, CancellationToken.None));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not enqueue email {MessageId}; the outbox sweeper will send it", message.Id);
        }
        return true;
    }

    private Task<bool> AlreadyQueuedAsync(string purpose, string recipient, string subjectId, CancellationToken cancellationToken) =>
        db.EmailOutbox.AnyAsync(m => m.Purpose == purpose && m.Recipient == recipient && m.SubjectId == subjectId, cancellationToken);
}
