using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Messages;

namespace RedMvc.Domain.Data;

/// <summary>
/// Member ids here are plain columns, without foreign keys to the accounts: when one member erases
/// their account, AccountErasure removes their side and their messages, and the other keeps theirs
/// (docs/decisions/0033).
/// </summary>
public class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.Property(c => c.MemberAId).HasMaxLength(450).IsRequired();
        conversation.Property(c => c.MemberBId).HasMaxLength(450).IsRequired();
        conversation.Property(c => c.StartedById).HasMaxLength(450).IsRequired();
        conversation.HasIndex(c => new { c.MemberAId, c.MemberBId }).IsUnique();
        conversation.HasIndex(c => c.MemberBId);
        // The daily limit on new conversations.
        conversation.HasIndex(c => new { c.StartedById, c.CreatedAt });
    }
}

public class ConversationMemberConfiguration : IEntityTypeConfiguration<ConversationMember>
{
    public void Configure(EntityTypeBuilder<ConversationMember> member)
    {
        member.HasKey(m => new { m.ConversationId, m.MemberId });
        member.Property(m => m.MemberId).HasMaxLength(450).IsRequired();
        member.Property(m => m.OtherMemberId).HasMaxLength(450).IsRequired();
        member.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        // A member's list, newest first, as one keyset scan; the unread badge reads the same rows.
        member.HasIndex(m => new { m.MemberId, m.LastMessageId });
        member.Ignore(m => m.HasUnread);
        member.Ignore(m => m.IsListed);
    }
}

public class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        // The staff queue of posts held by screening (decision 0036).
        message.HasIndex(x => x.HeldAt);
        message.Property(m => m.SenderId).HasMaxLength(450).IsRequired();
        message.Property(m => m.RecipientId).HasMaxLength(450).IsRequired();
        // Four UTF-16 units per visible character of the default 1,000 (TextRule.UnitsPerCharacter).
        message.Property(m => m.Body).HasMaxLength(4000);
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        message.HasMany(m => m.Photos).WithOne().HasForeignKey(p => p.MessageId).OnDelete(DeleteBehavior.Cascade);
        message.Navigation(m => m.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        // A conversation's page and "earlier" link (keyset on Id), and a member's unread count in one conversation.
        message.HasIndex(m => new { m.ConversationId, m.RecipientId, m.Id });
        message.HasIndex(m => new { m.ConversationId, m.Id });
        // Per recipient, messages newer than a time (the messages email joins ConversationMembers for what is unread).
        message.HasIndex(m => new { m.RecipientId, m.CreatedAt });
        message.HasIndex(m => m.SenderId);
    }
}

public class MessagePhotoConfiguration : IEntityTypeConfiguration<MessagePhoto>
{
    public void Configure(EntityTypeBuilder<MessagePhoto> photo)
    {
        photo.Ignore(p => p.WidthList);
        photo.Property(p => p.OriginalKey).HasMaxLength(200).IsRequired();
        photo.Property(p => p.DominantColor).HasMaxLength(7);
        photo.Property(p => p.ContentHash).HasMaxLength(64);
        photo.Property(p => p.Widths).HasMaxLength(40);
        photo.HasIndex(p => new { p.MessageId, p.Position });
    }
}
