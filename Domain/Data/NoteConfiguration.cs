using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Data;

public class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> note)
    {
        // Lengths are in UTF-16 units here; the rules count what a reader sees (NoteText.Length).
        note.Property(n => n.Title).HasMaxLength(200).IsRequired();
        note.Property(n => n.Body).HasMaxLength(8000).IsRequired();
        note.Property(n => n.Channel).HasMaxLength(20).IsRequired();
        note.Property(n => n.Place).HasMaxLength(200);
        note.Property(n => n.AuthorId).HasMaxLength(450).IsRequired();
        note.HasOne<AppUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Cascade);
        note.HasMany(n => n.Photos).WithOne().HasForeignKey(p => p.NoteId).OnDelete(DeleteBehavior.Cascade);
        note.HasMany(n => n.Topics).WithOne().HasForeignKey(t => t.NoteId).OnDelete(DeleteBehavior.Cascade);
        note.HasMany(n => n.Mentions).WithOne().HasForeignKey(m => m.NoteId).OnDelete(DeleteBehavior.Cascade);
        note.Navigation(n => n.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        note.Navigation(n => n.Topics).UsePropertyAccessMode(PropertyAccessMode.Field);
        note.Navigation(n => n.Mentions).UsePropertyAccessMode(PropertyAccessMode.Field);
        note.HasIndex(n => new { n.AuthorId, n.Status, n.UpdatedAt });
        note.HasIndex(n => new { n.Status, n.PublishedAt });
        note.HasIndex(n => new { n.Status, n.ScheduledFor });
    }
}

public class NotePhotoConfiguration : IEntityTypeConfiguration<NotePhoto>
{
    public void Configure(EntityTypeBuilder<NotePhoto> photo)
    {
        photo.Ignore(p => p.WidthList);
        photo.Property(p => p.OriginalKey).HasMaxLength(200).IsRequired();
        photo.Property(p => p.OriginalFileName).HasMaxLength(200).IsRequired();
        photo.Property(p => p.AltText).HasMaxLength(NotePhoto.AltTextMaxLength * 2);
        photo.Property(p => p.FailureReason).HasMaxLength(300);
        photo.Property(p => p.DominantColor).HasMaxLength(7);
        photo.Property(p => p.ContentHash).HasMaxLength(64);
        photo.Property(p => p.Widths).HasMaxLength(40);
        photo.HasIndex(p => new { p.NoteId, p.Position });
        photo.HasIndex(p => p.Status);
    }
}

public class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> topic)
    {
        topic.Property(t => t.Name).HasMaxLength(NoteText.TopicMaxLength * 2).IsRequired();
        topic.Property(t => t.NormalizedName).HasMaxLength(NoteText.TopicMaxLength * 2).IsRequired();
        topic.HasIndex(t => t.NormalizedName).IsUnique();
    }
}

public class NoteTopicConfiguration : IEntityTypeConfiguration<NoteTopic>
{
    public void Configure(EntityTypeBuilder<NoteTopic> noteTopic)
    {
        noteTopic.HasKey(t => new { t.NoteId, t.TopicId });
        noteTopic.HasOne(t => t.Topic).WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Cascade);
        noteTopic.HasIndex(t => new { t.TopicId, t.NoteId });
    }
}

public class NoteMentionConfiguration : IEntityTypeConfiguration<NoteMention>
{
    public void Configure(EntityTypeBuilder<NoteMention> mention)
    {
        mention.HasKey(m => new { m.NoteId, m.UserId });
        mention.Property(m => m.UserId).HasMaxLength(450);
        // No cascade from users: SQL Server refuses two cascade paths to the same row.
        mention.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class NoteLikeConfiguration : IEntityTypeConfiguration<NoteLike>
{
    public void Configure(EntityTypeBuilder<NoteLike> like)
    {
        like.ToTable("NoteLikes");
        like.HasKey(l => new { l.NoteId, l.UserId });
        like.Property(l => l.UserId).HasMaxLength(450);
        like.HasOne<Note>().WithMany().HasForeignKey(l => l.NoteId).OnDelete(DeleteBehavior.Cascade);
        // No cascade from users (one cascade path per row on SQL Server): AccountCleanup removes them.
        like.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.NoAction);
        like.HasIndex(l => new { l.UserId, l.CreatedAt });
    }
}

public class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.Body).HasMaxLength(Comment.BodyMaxLength * 4).IsRequired();
        comment.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        comment.Property(c => c.ReplyToUserId).HasMaxLength(450);
        comment.HasOne<Note>().WithMany().HasForeignKey(c => c.NoteId).OnDelete(DeleteBehavior.Cascade);
        // Comments stay when their author leaves (others replied to them); AccountCleanup deletes their text.
        comment.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.NoAction);
        comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.NoAction);
        comment.HasIndex(c => new { c.NoteId, c.ParentId, c.Id });
        comment.Ignore(c => c.IsDeleted);
    }
}

public class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> block)
    {
        block.HasKey(b => new { b.BlockerId, b.BlockedId });
        block.Property(b => b.BlockerId).HasMaxLength(450);
        block.Property(b => b.BlockedId).HasMaxLength(450);
        block.HasOne<AppUser>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        block.HasOne<AppUser>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.NoAction);
        block.HasIndex(b => new { b.BlockedId, b.BlockerId });
    }
}

public class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        follow.HasKey(f => new { f.FollowerId, f.FolloweeId });
        follow.Property(f => f.FollowerId).HasMaxLength(450);
        follow.Property(f => f.FolloweeId).HasMaxLength(450);
        follow.HasOne<AppUser>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne<AppUser>().WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.NoAction);
        follow.HasIndex(f => new { f.FolloweeId, f.FollowerId });
    }
}
