namespace RedMvc.Domain.Search;

/// <summary>
/// "Look at this item again": written in the same transaction as the change (AppDbContext.SaveChangesAsync
/// through SearchOutbox), read and deleted by the index job. The job reads the item as it is then, so
/// rows repeat harmlessly and a lost race only means one more pass.
/// </summary>
public class SearchOutboxEntry
{
    private SearchOutboxEntry() { }

    public SearchOutboxEntry(SearchKind kind, string itemKey, DateTime now) => (Kind, ItemKey, CreatedAt) = (kind, itemKey, now);

    public long Id { get; private set; }
    public SearchKind Kind { get; private set; }

    /// <summary>The item's id as text: a note, product or shop id, or a member's id.</summary>
    public string ItemKey { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
