using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Moderation;

namespace RedMvc.Domain.Data;

/// <summary>
/// Reports keep plain member ids, no foreign keys: a report outlives the reported content and its
/// author for staff's record; a reporter's own reports go with their account (AccountErasure).
/// </summary>
public class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.Property(r => r.ReporterId).HasMaxLength(450).IsRequired();
        report.Property(r => r.TargetId).HasMaxLength(450).IsRequired();
        report.Property(r => r.TargetAuthorId).HasMaxLength(450).IsRequired();
        report.Property(r => r.ResolvedById).HasMaxLength(450);
        report.Property(r => r.Details).HasMaxLength(Report.DetailsMaxLength * 4);
        report.HasIndex(r => new { r.Target, r.TargetId, r.ResolvedAt });
        report.HasIndex(r => new { r.GroupId, r.ResolvedAt });
        report.HasIndex(r => new { r.ReporterId, r.ResolvedAt });
        report.Ignore(r => r.IsOpen);
    }
}

public class PenaltyConfiguration : IEntityTypeConfiguration<Penalty>
{
    public void Configure(EntityTypeBuilder<Penalty> penalty)
    {
        penalty.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        penalty.Property(p => p.IssuedById).HasMaxLength(450).IsRequired();
        penalty.Property(p => p.AppealDecidedById).HasMaxLength(450);
        penalty.Property(p => p.TargetId).HasMaxLength(450);
        penalty.Property(p => p.Reason).HasMaxLength(2000).IsRequired();
        penalty.Property(p => p.AppealText).HasMaxLength(Penalty.AppealMaxLength * 4);
        // A member's penalties go with their erased account; the audit log keeps what staff did.
        penalty.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        penalty.HasIndex(p => new { p.UserId, p.StartsAt });
        penalty.HasIndex(p => new { p.AppealedAt, p.AppealDecidedAt });
        penalty.Ignore(p => p.AppealDeadline);
        penalty.Ignore(p => p.AwaitsAppealDecision);
    }
}

/// <summary>The audit log keeps plain ids: an entry outlives the staff member and the target.</summary>
public class StaffAuditEntryConfiguration : IEntityTypeConfiguration<StaffAuditEntry>
{
    public void Configure(EntityTypeBuilder<StaffAuditEntry> entry)
    {
        entry.ToTable("StaffAudit");
        entry.Property(e => e.ActorId).HasMaxLength(450).IsRequired();
        entry.Property(e => e.Action).HasMaxLength(60).IsRequired();
        entry.Property(e => e.TargetKind).HasMaxLength(30).IsRequired();
        entry.Property(e => e.TargetId).HasMaxLength(450).IsRequired();
        entry.Property(e => e.TargetUserId).HasMaxLength(450);
        entry.Property(e => e.Before).HasMaxLength(2000);
        entry.Property(e => e.After).HasMaxLength(2000);
        entry.Property(e => e.Reason).HasMaxLength(2000).IsRequired();
        entry.Property(e => e.Address).HasMaxLength(64);
        entry.HasIndex(e => e.CreatedAt);
        entry.HasIndex(e => new { e.ActorId, e.CreatedAt });
        entry.HasIndex(e => new { e.TargetUserId, e.CreatedAt });
        entry.HasIndex(e => new { e.TargetKind, e.TargetId });
    }
}

public class DailyStatsConfiguration : IEntityTypeConfiguration<DailyStats>
{
    public void Configure(EntityTypeBuilder<DailyStats> stats) => stats.HasKey(s => s.Day);
}

/// <summary>Who added a phrase is a plain id, kept as staff's record like the audit log's.</summary>
public class ScreenedPhraseConfiguration : IEntityTypeConfiguration<ScreenedPhrase>
{
    public void Configure(EntityTypeBuilder<ScreenedPhrase> phrase)
    {
        phrase.Property(p => p.Phrase).HasMaxLength(ScreenedPhrase.PhraseMaxLength * 4).IsRequired();
        phrase.Property(p => p.Folded).HasMaxLength(ScreenedPhrase.FoldedMaxLength).IsRequired();
        phrase.Property(p => p.AddedById).HasMaxLength(450).IsRequired();
        phrase.Property(p => p.Note).HasMaxLength(ScreenedPhrase.NoteMaxLength * 4);
        phrase.HasIndex(p => p.Folded).IsUnique();
    }
}
