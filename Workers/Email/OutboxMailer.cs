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
    public Task<bool> QueueAsync(string purpose, string recipient, string subjectId, EmailContent content, CancellationToken cancellationToken = default) =>
        QueueAsync(purpose, recipient, subjectId, content, claim: null, cancellationToken);

    /// <summary>
    /// Queues the message only if claim, run in the same transaction as the outbox insert, returns true:
    /// a digest moves its cursor there, so the events it mails are mailed by exactly one run.
    /// </summary>
    /// <returns>True when a new message was queued; false when the claim was lost or the same message was queued before.</returns>
    public async Task<bool> QueueAsync(string purpose, string recipient, string subjectId, EmailContent content,
        Func<CancellationToken, Task<bool>>? claim, CancellationToken cancellationToken = default)
    {
        var normalizedRecipient = recipient.Trim().ToLowerInvariant();
        if (await AlreadyQueuedAsync(purpose, normalizedRecipient, subjectId, cancellationToken)) return false;

        var (html, text) = await renderer.RenderAsync(content);
        var message = new EmailOutboxMessage(purpose, normalizedRecipient, subjectId, content.Subject, html, text, content.Unsubscribe?.OneClickUrl);
        // Callers without a claim may be inside a transaction of their own (an order's step): theirs holds the row.
        await using var transaction = claim is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        if (claim is not null && !await claim(cancellationToken)) return false;
        db.EmailOutbox.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(message).State = EntityState.Detached;
            if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
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
