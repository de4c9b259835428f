using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Email;

namespace RedMvc.Domain.Data;

public class EmailOutboxMessageConfiguration : IEntityTypeConfiguration<EmailOutboxMessage>
{
    public void Configure(EntityTypeBuilder<EmailOutboxMessage> message)
    {
        message.ToTable("EmailOutbox");
        message.Property(m => m.Purpose).HasMaxLength(64);
        message.Property(m => m.Recipient).HasMaxLength(256);
        message.Property(m => m.SubjectId).HasMaxLength(128);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        // The outbox's idempotency key: the same message can be queued only once.
        message.HasIndex(m => new { m.Purpose, m.Recipient, m.SubjectId }).IsUnique();
        // The sweeper looks for unsent rows.
        message.HasIndex(m => new { m.SentAt, m.CreatedAt });
    }
}
