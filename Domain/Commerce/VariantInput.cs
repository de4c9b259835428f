namespace RedMvc.Domain.Commerce;

/// <summary>
/// One variant row as the brand submitted it. Row is its place in the form (problems point at it);
/// Id names an existing variant (repriced only: its stock moves through adjustments), null adds a new
/// one with Stock as its opening stock. A price the form could not read is null.
/// </summary>
public record VariantInput(int Row, long? Id, string Name, long? PriceFen, long? CompareAtFen, bool CompareAtUnreadable, int Stock);
