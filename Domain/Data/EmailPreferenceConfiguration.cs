using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Email;

namespace RedMvc.Domain.Data;

public class EmailPreferenceConfiguration : IEntityTypeConfiguration<EmailPreference>
{
    public void Configure(EntityTypeBuilder<EmailPreference> preference)
    {
        preference.HasKey(p => new { p.UserId, p.Category });
        preference.Property(p => p.UserId).HasMaxLength(450);
        preference.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
