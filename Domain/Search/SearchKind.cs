namespace RedMvc.Domain.Search;

/// <summary>
/// What an outbox row asks the index job to look at again. Numbers are stored: never reuse one.
/// Groups take the next number (5) with their own index table and tab when they arrive.
/// </summary>
public enum SearchKind
{
    Note = 1,
    Person = 2,
    Product = 3,

    /// <summary>A shop changed its name: each of its products is indexed again.</summary>
    Shop = 4,
}
