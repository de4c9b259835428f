namespace RedMvc.Domain.Search;

/// <summary>The items a save changed that the index must follow; NeedsIds: some key is known only after the insert.</summary>
public sealed record SearchChanges(List<(SearchKind Kind, Func<string> Key)> Items, bool NeedsIds);
