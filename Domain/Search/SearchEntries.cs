namespace RedMvc.Domain.Search;

// The index rows: pre-segmented text (SearchText.ForIndex) that each provider's full-text index reads.
// SQLite keeps an FTS5 table over each (external content, kept by triggers), PostgreSQL a generated
// tsvector column with a GIN index, SQL Server matches the same text with LIKE (docs/decisions/0032).
// Title weighs more than Body in relevance. Who may see a row is never stored here: every search
// joins the item and asks NoteAccess (or the product's status) at query time.

/// <summary>A published note: title, then body and place.</summary>
public class NoteSearchEntry
{
    public long NoteId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>A member: name and handle, then bio. Id only gives SQLite's FTS table an integer row id.</summary>
public class PersonSearchEntry
{
    public long Id { get; private set; }
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>A product on sale: title, then shop name, category and description.</summary>
public class ProductSearchEntry
{
    public long ProductId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}
