using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Email;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Ranking;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Messages;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<EmailOutboxMessage> EmailOutbox => Set<EmailOutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<NotePhoto> NotePhotos => Set<NotePhoto>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<NoteTopic> NoteTopics => Set<NoteTopic>();
    public DbSet<NoteMention> NoteMentions => Set<NoteMention>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<NoteLike> NoteLikes => Set<NoteLike>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<Collect> Collects => Set<Collect>();
    public DbSet<NotInterested> NotInterested => Set<NotInterested>();
    public DbSet<CommentLike> CommentLikes => Set<CommentLike>();
    public DbSet<NoteScore> NoteScores => Set<NoteScore>();
    public DbSet<TopicScore> TopicScores => Set<TopicScore>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Shop> Shops => Set<Shop>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductVariant> ProductVariants => Set<ProductVariant>();
    public DbSet<ProductPhoto> ProductPhotos => Set<ProductPhoto>();
    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<CartItem> CartItems => Set<CartItem>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<NoteProduct> NoteProducts => Set<NoteProduct>();
    public DbSet<ProductPin> ProductPins => Set<ProductPin>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessagePhoto> MessagePhotos => Set<MessagePhoto>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // PostgreSQL's timestamptz takes only UTC DateTimes and gives UTC back; SQLite and SQL Server give
        // back Unspecified. Every time we store is UTC (ARCHITECTURE), so here each one is marked so both ways.
        if (Database.IsNpgsql())
        {
            configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Conditions written as SQL: PostgreSQL folds unquoted names to lower case, and its booleans are not numbers.
        if (Database.IsNpgsql())
        {
            builder.Entity<Board>().HasIndex(b => b.OwnerId).HasFilter("\"IsDefault\"");
            builder.Entity<ProductVariant>().ToTable(t => t.HasCheckConstraint("CK_ProductVariants_Stock", "\"Stock\" >= 0"));
        }
    }
}
