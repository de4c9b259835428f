using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Ranking;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Data;

public class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> note)
    {
        // The staff queue of posts held by screening (decision 0036).
        note.HasIndex(x => x.HeldAt);
        // Lengths are in UTF-16 units here; the rules count what a reader sees (NoteText.Length).
        note.Property(n => n.Title).HasMaxLength(200).IsRequired();
        note.Property(n => n.Body).HasMaxLength(8000).IsRequired();
        note.Property(n => n.Channel).HasMaxLength(20).IsRequired();
        note.Property(n => n.Place).HasMaxLength(200);
        note.Property(n => n.RemovalReason).HasMaxLength(2000);
        note.Property(n => n.AuthorId).HasMaxLength(450).IsRequired();
        note.HasOne<AppUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Cascade);
        note.HasMany(n => n.Photos).WithOne().HasForeignKey(p => p.NoteId).OnDelete(DeleteBehavior.Cascade);
        note.HasMany(n => n.Topics).WithOne().HasForeignKey(t => t.NoteId).OnDelete(DeleteBehavior.Cascade);
        note.HasMany(n => n.Mentions).WithOne().HasForeignKey(m => m.NoteId).OnDelete(DeleteBehavior.Cascade);
        note.Navigation(n => n.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        note.Navigation(n => n.Topics).UsePropertyAccessMode(PropertyAccessMode.Field);
        note.Navigation(n => n.Mentions).UsePropertyAccessMode(PropertyAccessMode.Field);
        note.HasIndex(n => new { n.AuthorId, n.Status, n.UpdatedAt });
        // A profile's Notes tab: the newest published notes of one author, without sorting all of them.
        note.HasIndex(n => new { n.AuthorId, n.Status, n.PublishedAt });
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
        // No cascade from users (one cascade path per row on SQL Server): AccountErasure removes them.
        like.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.NoAction);
        like.HasIndex(l => new { l.UserId, l.CreatedAt });
    }
}

public class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        // The staff queue of posts held by screening (decision 0036).
        comment.HasIndex(x => x.HeldAt);
        comment.Property(c => c.Body).HasMaxLength(Comment.BodyMaxLength * 4).IsRequired();
        comment.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        comment.Property(c => c.ReplyToUserId).HasMaxLength(450);
        comment.HasOne<Note>().WithMany().HasForeignKey(c => c.NoteId).OnDelete(DeleteBehavior.Cascade);
        // Comments stay when their author leaves (others replied to them); AccountErasure keeps them as "deleted" placeholders.
        comment.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.NoAction);
        comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.NoAction);
        comment.HasIndex(c => new { c.NoteId, c.ParentId, c.Id });
        comment.Ignore(c => c.IsDeleted);
        comment.Ignore(c => c.IsRemoved);
        comment.Property(c => c.RemovalReason).HasMaxLength(2000);
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

public class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> board)
    {
        board.Property(b => b.OwnerId).HasMaxLength(450).IsRequired();
        board.Property(b => b.Name).HasMaxLength(Board.NameMaxLength * 4).IsRequired();
        board.HasOne<AppUser>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Cascade);
        board.HasIndex(b => new { b.OwnerId, b.Id });
        // One default board per member, even when two first collects race.
        board.HasIndex(b => b.OwnerId).IsUnique().HasFilter("IsDefault = 1").HasDatabaseName("IX_Boards_OneDefaultPerOwner");
    }
}

public class CollectConfiguration : IEntityTypeConfiguration<Collect>
{
    public void Configure(EntityTypeBuilder<Collect> collect)
    {
        collect.HasKey(c => new { c.UserId, c.NoteId });
        collect.Property(c => c.UserId).HasMaxLength(450);
        // Users -> Boards -> Collects is the one cascade path; notes and users reach collects without
        // cascading (SQL Server allows one path per row), so AccountErasure removes them first.
        collect.HasOne<Board>().WithMany().HasForeignKey(c => c.BoardId).OnDelete(DeleteBehavior.Cascade);
        collect.HasOne<Note>().WithMany().HasForeignKey(c => c.NoteId).OnDelete(DeleteBehavior.NoAction);
        collect.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.NoAction);
        collect.HasIndex(c => new { c.BoardId, c.CreatedAt });
        collect.HasIndex(c => new { c.NoteId, c.UserId });
        collect.HasIndex(c => new { c.UserId, c.CreatedAt });
    }
}

public class NotInterestedConfiguration : IEntityTypeConfiguration<NotInterested>
{
    public void Configure(EntityTypeBuilder<NotInterested> notInterested)
    {
        notInterested.ToTable("NotInterested");
        notInterested.HasKey(n => new { n.UserId, n.NoteId });
        notInterested.Property(n => n.UserId).HasMaxLength(450);
        notInterested.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notInterested.HasOne<Note>().WithMany().HasForeignKey(n => n.NoteId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class CommentLikeConfiguration : IEntityTypeConfiguration<CommentLike>
{
    public void Configure(EntityTypeBuilder<CommentLike> like)
    {
        like.ToTable("CommentLikes");
        like.HasKey(l => new { l.CommentId, l.UserId });
        like.Property(l => l.UserId).HasMaxLength(450);
        like.HasOne<Comment>().WithMany().HasForeignKey(l => l.CommentId).OnDelete(DeleteBehavior.Cascade);
        like.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.NoAction);
        like.HasIndex(l => new { l.UserId, l.CommentId });
    }
}

public class NoteScoreConfiguration : IEntityTypeConfiguration<NoteScore>
{
    public void Configure(EntityTypeBuilder<NoteScore> score)
    {
        score.HasKey(s => s.NoteId);
        score.Property(s => s.NoteId).ValueGeneratedNever();
        score.Property(s => s.Channel).HasMaxLength(20).IsRequired();
        score.Property(s => s.AuthorId).HasMaxLength(450).IsRequired();
        score.HasOne<Note>().WithOne().HasForeignKey<NoteScore>(s => s.NoteId).OnDelete(DeleteBehavior.Cascade);
        score.HasIndex(s => new { s.Score, s.NoteId });
        score.HasIndex(s => new { s.Channel, s.Score, s.NoteId });
    }
}

public class TopicScoreConfiguration : IEntityTypeConfiguration<TopicScore>
{
    public void Configure(EntityTypeBuilder<TopicScore> score)
    {
        score.HasKey(s => s.TopicId);
        score.Property(s => s.TopicId).ValueGeneratedNever();
        score.HasOne<Topic>().WithOne().HasForeignKey<TopicScore>(s => s.TopicId).OnDelete(DeleteBehavior.Cascade);
        score.HasIndex(s => s.Score);
    }
}

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.RecipientId).HasMaxLength(450).IsRequired();
        notification.Property(n => n.ActorId).HasMaxLength(450).IsRequired();
        notification.Property(n => n.SubjectKey).HasMaxLength(40).IsRequired();
        // Only the recipient cascades; actor, note and comment are plain columns (one cascade path on
        // SQL Server), the page skips rows whose note or comment is gone, AccountErasure removes an actor's.
        notification.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        notification.HasIndex(n => new { n.RecipientId, n.Kind, n.ActorId, n.SubjectKey }).IsUnique();
        notification.HasIndex(n => new { n.RecipientId, n.Tab, n.Id });
        notification.HasIndex(n => new { n.RecipientId, n.Tab, n.ReadAt });
        notification.HasIndex(n => n.ActorId);
        // The mailing job looks for the last two days' unread notifications every minute.
        notification.HasIndex(n => n.CreatedAt);
    }
}
