using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Email;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Ranking;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Messages;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Search;
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
    public DbSet<Penalty> Penalties => Set<Penalty>();
    public DbSet<StaffAuditEntry> StaffAudit => Set<StaffAuditEntry>();
    public DbSet<ScreenedPhrase> ScreenedPhrases => Set<ScreenedPhrase>();
    public DbSet<DailyStats> DailyStats => Set<DailyStats>();
    public DbSet<SignInRecord> SignIns => Set<SignInRecord>();
    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();
    public DbSet<NoteSearchEntry> SearchNotes => Set<NoteSearchEntry>();
    public DbSet<PersonSearchEntry> SearchPeople => Set<PersonSearchEntry>();
    public DbSet<ProductSearchEntry> SearchProducts => Set<ProductSearchEntry>();
    public DbSet<RecentSearch> RecentSearches => Set<RecentSearch>();
    public DbSet<HotSearch> HotSearches => Set<HotSearch>();
    public DbSet<HiddenSearchTerm> HiddenSearchTerms => Set<HiddenSearchTerm>();
    public DbSet<EmailPreference> EmailPreferences => Set<EmailPreference>();
    public DbSet<LastSeen> LastSeen => Set<LastSeen>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<GroupThread> GroupThreads => Set<GroupThread>();
    public DbSet<GroupReply> GroupReplies => Set<GroupReply>();
    public DbSet<GroupThreadPhoto> GroupThreadPhotos => Set<GroupThreadPhoto>();
    public DbSet<GroupThreadLike> GroupThreadLikes => Set<GroupThreadLike>();
    public DbSet<GroupReplyLike> GroupReplyLikes => Set<GroupReplyLike>();
    public DbSet<ThreadWatch> ThreadWatches => Set<ThreadWatch>();
    public DbSet<ThreadRead> ThreadReads => Set<ThreadRead>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessagePhoto> MessagePhotos => Set<MessagePhoto>();

    /// <summary>
    /// Every save also writes the search outbox rows its changes call for, in the same transaction
    /// (SearchOutbox). A new note's id exists only after the insert, so then the rows follow in a
    /// second save inside one transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = Search.SearchOutbox.Pending(ChangeTracker);
        if (pending.Items.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var now = DateTime.UtcNow;
        if (!pending.NeedsIds)
        {
            AddOutboxRows(pending.Items, now);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var saved = 0;
        await this.InTransactionAsync(async () =>
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AddOutboxRows(pending.Items, now);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }, cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    private void AddOutboxRows(List<(SearchKind Kind, Func<string> Key)> pending, DateTime now)
    {
        foreach (var group in pending.GroupBy(p => p.Kind))
            Search.SearchOutbox.Add(this, group.Key, group.Select(p => p.Key()), now);
    }

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
