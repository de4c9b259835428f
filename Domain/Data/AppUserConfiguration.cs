using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Time;

namespace RedMvc.Domain.Data;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        // The staff queue of posts held by screening (decision 0036).
        user.HasIndex(x => x.ProfileHeldAt);
        user.Property(u => u.HeldDisplayName).HasMaxLength(AppUser.DisplayNameMaxLength * 2);
        user.Property(u => u.HeldBio).HasMaxLength(AppUser.BioMaxLength * 4);
        user.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength * 2).IsRequired();
        user.Property(u => u.Handle).HasMaxLength(AppUser.HandleMaxLength).IsRequired();
        user.HasIndex(u => u.Handle).IsUnique();
        user.Property(u => u.Culture).HasMaxLength(10);
        user.Property(u => u.TimeZone).HasMaxLength(TimeZones.IdMaxLength);
        user.Property(u => u.Bio).HasMaxLength(AppUser.BioMaxLength * 4);
        user.Property(u => u.Region).HasMaxLength(AppUser.RegionMaxLength * 4);
        user.Property(u => u.AvatarKey).HasMaxLength(100);
        user.Property(u => u.AvatarPendingKey).HasMaxLength(200);
    }
}

public class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> record)
    {
        record.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        record.Property(r => r.Address).HasMaxLength(SignInRecord.AddressMaxLength);
        record.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        record.HasIndex(r => new { r.UserId, r.At });
        record.HasIndex(r => r.At);
    }
}
