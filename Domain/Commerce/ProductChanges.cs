namespace RedMvc.Domain.Commerce;

/// <summary>
/// A post applied to a product in memory (ProductSaving.Apply): the product (null when its text was
/// refused before it could exist), the variants it adds, and the problems as (field, resource key).
/// Only changes without problems are saved.
/// </summary>
public record ProductChanges(Product? Product, bool IsNew, IReadOnlyList<ProductVariant> AddedVariants, IReadOnlyList<(string Field, string Error)> Problems)
{
    public bool CanSave => Product is not null && Problems.Count == 0;
}
