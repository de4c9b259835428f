using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Email;

namespace RedMvc.Domain.Data;

public class LastSeenConfiguration : IEntityTypeConfiguration<LastSeen>
{
    public void Configure(EntityTypeBuilder<LastSeen> seen)
    {
        seen.ToTable("LastSeen");
        seen.HasKey(s => s.UserId);
        seen.Property(s => s.UserId).HasMaxLength(450);
        seen.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
