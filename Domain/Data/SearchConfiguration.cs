using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RedMvc.Domain.Search;

namespace RedMvc.Domain.Data;

// Search keeps plain ids, no foreign keys: the index job removes rows of items that are gone, and
// AccountErasure removes a member's own rows. The full-text parts (SQLite FTS5 tables and their
// triggers, PostgreSQL tsvector columns and GIN indexes) are raw SQL in the Search migration.

public class SearchOutboxEntryConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> entry)
    {
        entry.ToTable("SearchOutbox");
        entry.Property(e => e.ItemKey).HasMaxLength(450).IsRequired();
    }
}

public class NoteSearchEntryConfiguration : IEntityTypeConfiguration<NoteSearchEntry>
{
    public void Configure(EntityTypeBuilder<NoteSearchEntry> entry)
    {
        entry.ToTable("SearchNotes");
        entry.HasKey(e => e.NoteId);
        entry.Property(e => e.NoteId).ValueGeneratedNever();
    }
}

public class PersonSearchEntryConfiguration : IEntityTypeConfiguration<PersonSearchEntry>
{
    public void Configure(EntityTypeBuilder<PersonSearchEntry> entry)
    {
        entry.ToTable("SearchPeople");
        entry.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        entry.HasIndex(e => e.UserId).IsUnique();
    }
}

public class ProductSearchEntryConfiguration : IEntityTypeConfiguration<ProductSearchEntry>
{
    public void Configure(EntityTypeBuilder<ProductSearchEntry> entry)
    {
        entry.ToTable("SearchProducts");
        entry.HasKey(e => e.ProductId);
        entry.Property(e => e.ProductId).ValueGeneratedNever();
    }
}

public class RecentSearchConfiguration : IEntityTypeConfiguration<RecentSearch>
{
    public void Configure(EntityTypeBuilder<RecentSearch> search)
    {
        search.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        search.Property(s => s.Query).HasMaxLength(RecentSearch.QueryMaxLength * 2).IsRequired();
        search.Property(s => s.Key).HasMaxLength(RecentSearch.QueryMaxLength * 2).IsRequired();
        search.HasIndex(s => new { s.UserId, s.Key }).IsUnique();
        search.HasIndex(s => new { s.UserId, s.SearchedAt });
        search.HasIndex(s => s.SearchedAt);
    }
}

public class HotSearchConfiguration : IEntityTypeConfiguration<HotSearch>
{
    public void Configure(EntityTypeBuilder<HotSearch> hot)
    {
        hot.HasKey(h => h.Rank);
        hot.Property(h => h.Rank).ValueGeneratedNever();
        hot.Property(h => h.Query).HasMaxLength(RecentSearch.QueryMaxLength * 2).IsRequired();
        hot.Property(h => h.Key).HasMaxLength(RecentSearch.QueryMaxLength * 2).IsRequired();
    }
}

public class HiddenSearchTermConfiguration : IEntityTypeConfiguration<HiddenSearchTerm>
{
    public void Configure(EntityTypeBuilder<HiddenSearchTerm> term)
    {
        term.HasKey(t => t.Key);
        term.Property(t => t.Key).HasMaxLength(RecentSearch.QueryMaxLength * 2);
        term.Property(t => t.HiddenById).HasMaxLength(450).IsRequired();
    }
}
