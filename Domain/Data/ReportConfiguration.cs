using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
