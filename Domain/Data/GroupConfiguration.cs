using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Groups;

namespace RedMvc.Domain.Data;

/// <summary>
/// Groups keep member ids as plain columns (no foreign keys to users): AccountErasure removes or
/// scrubs a member's rows itself, and SQL Server allows one cascade path only. Within a group, rows
/// cascade from the group down (thread, reply, like), so deleting a group row takes all of it.
/// </summary>
public class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> group)
    {
        group.Property(g => g.Name).HasMaxLength(GroupLimits.NameColumn).IsRequired();
        group.Property(g => g.NormalizedName).HasMaxLength(GroupLimits.NameColumn).IsRequired();
        group.Property(g => g.Description).HasMaxLength(GroupLimits.DescriptionColumn);
        group.Property(g => g.Rules).HasMaxLength(GroupLimits.RulesColumn);
        group.Property(g => g.Channel).HasMaxLength(20).IsRequired();
        group.Property(g => g.OwnerId).HasMaxLength(450).IsRequired();
        group.Property(g => g.AvatarKey).HasMaxLength(64);
        group.Property(g => g.CoverKey).HasMaxLength(64);
        group.Property(g => g.CoverWidths).HasMaxLength(40);
        group.Ignore(g => g.CoverWidthList);
        group.Ignore(g => g.IsDeleted);
        group.HasIndex(g => g.NormalizedName).IsUnique();
        group.HasIndex(g => new { g.Channel, g.WeeklyPosts });
        group.HasIndex(g => g.WeeklyPosts);
        group.HasIndex(g => g.OwnerId);
    }
}

public class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> member)
    {
        member.HasKey(m => new { m.GroupId, m.UserId });
        member.Property(m => m.UserId).HasMaxLength(450);
        member.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        member.Ignore(m => m.IsActive);
        member.Ignore(m => m.IsModerator);
        // "My groups" and a profile's groups; the group's member list by role.
        member.HasIndex(m => new { m.UserId, m.Status });
        member.HasIndex(m => new { m.GroupId, m.Status, m.Role });
    }
}

public class GroupThreadConfiguration : IEntityTypeConfiguration<GroupThread>
{
    public void Configure(EntityTypeBuilder<GroupThread> thread)
    {
        // The staff queue of posts held by screening (decision 0036).
        thread.HasIndex(x => x.HeldAt);
        thread.Property(t => t.AuthorId).HasMaxLength(450).IsRequired();
        thread.Property(t => t.Title).HasMaxLength(GroupLimits.TitleColumn).IsRequired();
        thread.Property(t => t.Body).HasMaxLength(GroupLimits.BodyColumn).IsRequired();
        thread.Property(t => t.RemovedReason).HasMaxLength(GroupLimits.ReasonMaxLength * 4);
        thread.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        thread.HasMany(t => t.Photos).WithOne().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        thread.Navigation(t => t.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        thread.Ignore(t => t.IsClosed);
        thread.Ignore(t => t.IsRemoved);
        thread.Ignore(t => t.IsDeleted);
        // The group page's orders, each a keyset walk over one index.
        thread.HasIndex(t => new { t.GroupId, t.LastActivityAt, t.Id });
        thread.HasIndex(t => new { t.GroupId, t.CreatedAt, t.Id });
        thread.HasIndex(t => new { t.GroupId, t.LikeCount, t.Id });
        thread.HasIndex(t => new { t.GroupId, t.PinnedAt });
        thread.HasIndex(t => new { t.AuthorId, t.CreatedAt });
    }
}

public class GroupReplyConfiguration : IEntityTypeConfiguration<GroupReply>
{
    public void Configure(EntityTypeBuilder<GroupReply> reply)
    {
        // The staff queue of posts held by screening (decision 0036).
        reply.HasIndex(x => x.HeldAt);
        reply.Property(r => r.AuthorId).HasMaxLength(450).IsRequired();
        reply.Property(r => r.Body).HasMaxLength(GroupLimits.BodyColumn).IsRequired();
        reply.Property(r => r.RemovedReason).HasMaxLength(GroupLimits.ReasonMaxLength * 4);
        reply.HasOne<GroupThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        reply.Ignore(r => r.IsDeleted);
        reply.Ignore(r => r.IsRemoved);
        reply.Ignore(r => r.IsGone);
        // A thread's replies in time order (ids grow with time), paged by id.
        reply.HasIndex(r => new { r.ThreadId, r.Id });
        reply.HasIndex(r => new { r.AuthorId, r.CreatedAt });
    }
}

public class GroupThreadPhotoConfiguration : IEntityTypeConfiguration<GroupThreadPhoto>
{
    public void Configure(EntityTypeBuilder<GroupThreadPhoto> photo)
    {
        photo.Ignore(p => p.WidthList);
        photo.Property(p => p.OriginalKey).HasMaxLength(200).IsRequired();
        photo.Property(p => p.DominantColor).HasMaxLength(7);
        photo.Property(p => p.ContentHash).HasMaxLength(64);
        photo.Property(p => p.Widths).HasMaxLength(40);
        photo.HasIndex(p => new { p.ThreadId, p.Position });
    }
}

public class GroupThreadLikeConfiguration : IEntityTypeConfiguration<GroupThreadLike>
{
    public void Configure(EntityTypeBuilder<GroupThreadLike> like)
    {
        like.HasKey(l => new { l.ThreadId, l.UserId });
        like.Property(l => l.UserId).HasMaxLength(450);
        like.HasOne<GroupThread>().WithMany().HasForeignKey(l => l.ThreadId).OnDelete(DeleteBehavior.Cascade);
        like.HasIndex(l => l.UserId);
    }
}

public class GroupReplyLikeConfiguration : IEntityTypeConfiguration<GroupReplyLike>
{
    public void Configure(EntityTypeBuilder<GroupReplyLike> like)
    {
        like.HasKey(l => new { l.ReplyId, l.UserId });
        like.Property(l => l.UserId).HasMaxLength(450);
        like.HasOne<GroupReply>().WithMany().HasForeignKey(l => l.ReplyId).OnDelete(DeleteBehavior.Cascade);
        like.HasIndex(l => l.UserId);
    }
}

public class ThreadWatchConfiguration : IEntityTypeConfiguration<ThreadWatch>
{
    public void Configure(EntityTypeBuilder<ThreadWatch> watch)
    {
        watch.HasKey(w => new { w.ThreadId, w.UserId });
        watch.Property(w => w.UserId).HasMaxLength(450);
        watch.HasOne<GroupThread>().WithMany().HasForeignKey(w => w.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // The fan-out job walks one thread's watchers in user-id order.
        watch.HasIndex(w => new { w.ThreadId, w.Level, w.UserId });
        watch.HasIndex(w => w.UserId);
    }
}

public class ThreadReadConfiguration : IEntityTypeConfiguration<ThreadRead>
{
    public void Configure(EntityTypeBuilder<ThreadRead> read)
    {
        read.HasKey(r => new { r.ThreadId, r.UserId });
        read.Property(r => r.UserId).HasMaxLength(450);
        read.HasOne<GroupThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        read.HasIndex(r => r.UserId);
    }
}

public class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> action)
    {
        action.Property(a => a.ModeratorId).HasMaxLength(450).IsRequired();
        action.Property(a => a.TargetUserId).HasMaxLength(450);
        action.Property(a => a.Reason).HasMaxLength(GroupLimits.ReasonMaxLength * 4);
        action.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        action.HasIndex(a => new { a.GroupId, a.Id });
        action.HasIndex(a => a.ModeratorId);
        action.HasIndex(a => a.TargetUserId);
    }
}
