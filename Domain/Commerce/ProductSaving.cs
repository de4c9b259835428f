using RedMvc.Domain.Data;

namespace RedMvc.Domain.Commerce;

/// <summary>
/// Creating and editing a product: the one workflow the brand dashboard, the demo seeder and the
/// tests call. Apply checks and applies the post in memory; SaveAsync stores the product, its
/// photos and the opening stock of each new variant (the first line of its ledger) in one transaction.
/// </summary>
public static class ProductSaving
{
    public static ProductChanges Apply(long shopId, Product? existing, ProductPost post, DateTime now)
    {
        var problems = new List<(string, string)>();
        var product = existing;
        try
        {
            if (product is null) product = Product.Draft(shopId, post.Title, post.Description, post.Category, now);
            else product.Edit(post.Title, post.Description, post.Category, now);
        }
        catch (ShopRuleException e)
        {
            problems.Add((e.Field ?? nameof(ProductPost.Category), e.Key));
        }
        var added = ApplyVariants(product, post.Variants, problems);
        var kept = existing?.Photos.Count(p => !post.RemovePhotoIds.Contains(p.Id)) ?? 0;
        if (kept + post.NewPhotoCount is < 1 or > Product.MaxPhotos) problems.Add((ProductPost.PhotosField, "Brand.Product.PhotoCount"));
        if (existing is null && post.Variants.Count == 0) problems.Add((ProductPost.VariantsField, "Product.Error.NoVariants"));
        return new ProductChanges(product, existing is null, added, problems);
    }

    /// <summary>Stores changes that have no problems; newPhotoKeys are originals already in the file store.</summary>
    public static async Task SaveAsync(AppDbContext db, ProductChanges changes, IReadOnlyList<long> removePhotoIds, IReadOnlyList<string> newPhotoKeys,
        string openingStockReason, string byUserId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!changes.CanSave) throw new InvalidOperationException("Only changes without problems are saved.");
        var product = changes.Product!;
        foreach (var removed in product.Photos.Where(p => removePhotoIds.Contains(p.Id)).ToList()) product.RemovePhoto(removed);
        var position = product.Photos.Count == 0 ? 0 : product.Photos.Max(p => p.Position) + 1;
        foreach (var key in newPhotoKeys) product.AddPhoto(new ProductPhoto(key, position++));
        if (changes.IsNew) db.Products.Add(product);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var variant in changes.AddedVariants.Where(v => v.Stock > 0))
                db.StockAdjustments.Add(new StockAdjustment(variant.Id, variant.Stock, variant.Stock, openingStockReason, byUserId, now));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Reprices existing variants and adds new rows; each problem points at its row.</summary>
    private static List<ProductVariant> ApplyVariants(Product? product, IReadOnlyList<VariantInput> rows, List<(string, string)> problems)
    {
        var added = new List<ProductVariant>();
        foreach (var row in rows)
        {
            if (row.PriceFen is null) problems.Add((ProductPost.VariantField(row.Row, "Price"), "Brand.Product.PriceFormat"));
            if (row.CompareAtUnreadable) problems.Add((ProductPost.VariantField(row.Row, "CompareAt"), "Brand.Product.PriceFormat"));
            if (row.Id is null && row.Stock < 0) problems.Add((ProductPost.VariantField(row.Row, "Stock"), "Product.Error.NegativeStock"));
            if (row.Id is null && row.Stock > ProductVariant.MaxStock) problems.Add((ProductPost.VariantField(row.Row, "Stock"), "Product.Error.StockTooHigh"));
            if (product is null || row.PriceFen is not { } price || row.CompareAtUnreadable || row.Stock > ProductVariant.MaxStock) continue;
            try
            {
                if (row.Id is { } id)
                    product.Variants.SingleOrDefault(v => v.Id == id)?.Reprice(price, row.CompareAtFen);
                else
                    added.Add(product.AddVariant(row.Name, price, row.CompareAtFen, Math.Max(0, row.Stock)));
            }
            catch (ShopRuleException e)
            {
                problems.Add((ProductPost.VariantField(row.Row, e.Key.Contains("CompareAt") ? "CompareAt" : e.Key.Contains("Price") ? "Price" : "Name"), e.Key));
            }
        }
        return added;
    }
}
