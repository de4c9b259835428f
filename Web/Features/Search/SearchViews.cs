using RedMvc.Domain.Search;

namespace RedMvc.Web.Features.Search;

/// <summary>
/// The search page. Without a query it shows hot and recent searches; with one, the results of the
/// chosen tab (the others stay empty) and the address of the next page.
/// </summary>
public sealed record SearchPage(
    SearchQuery Query,
    SearchFilters Filters,
    IReadOnlyList<NoteCard> Notes,
    IReadOnlyList<PersonResult> People,
    IReadOnlyList<ProductResult> Products,
    string? Next,
    IReadOnlyList<string> Hot,
    IReadOnlyList<string> Recent)
{
    /// <summary>Notes and people: the list ended at this many newest matches, and older ones may match too.</summary>
    public int? EndedAtNewest { get; init; }

    public bool Searched => Query.Text.Length > 0;

    public bool Found => Notes.Count + People.Count + Products.Count > 0;
}

/// <summary>A page of notes found; <paramref name="EndedAtNewest"/>: the list ended at this many newest matches, and older notes may match too.</summary>
public sealed record NoteResults(IReadOnlyList<NoteCard> Cards, string? Next, int? EndedAtNewest);

/// <summary>A page of people found; <paramref name="EndedAtNewest"/> as for notes.</summary>
public sealed record PeopleResults(IReadOnlyList<PersonResult> People, string? Next, int? EndedAtNewest);

public sealed record PersonResult(AuthorView Person, IReadOnlyList<TextPiece> Name, IReadOnlyList<TextPiece> Bio, int Followers, bool ViewerFollows);

public sealed record ProductResult(ProductCard Product, IReadOnlyList<TextPiece> Title, string ShopName, int Stock);

/// <summary>What the top-bar box suggests while typing: topics, people and products by their first characters.</summary>
public sealed record SearchSuggestions(IReadOnlyList<string> Topics, IReadOnlyList<PersonSuggestion> People, IReadOnlyList<ProductSuggestion> Products);

public sealed record PersonSuggestion(string Handle, string Name);

public sealed record ProductSuggestion(long Id, string Title);
