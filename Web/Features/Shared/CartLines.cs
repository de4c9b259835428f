namespace RedMvc.Web.Features.Shared;

/// <summary>The cart as pages show it (the cart page and checkout): lines grouped by shop with today's prices and stock.</summary>
public class CartLines(AppDbContext db)
{
    /// <summary>The member's cart grouped by shop, with today's prices and stock; a fixed number of queries whatever its size.</summary>
    public async Task<IReadOnlyList<CartShopGroup>> ByShopAsync(string userId)
    {
        var items = await db.CartItems.AsNoTracking().Where(i => i.UserId == userId)
            .OrderBy(i => i.AddedAt).ThenBy(i => i.VariantId)
            .Select(i => new { i.VariantId, i.Quantity, i.NoteId }).ToListAsync();
        var variants = await VariantsAsync(items.Select(i => i.VariantId));
        var lines = items.Where(i => variants.ContainsKey(i.VariantId)).Select(i =>
        {
            var v = variants[i.VariantId];
            return (v.ShopId, v.ShopName, v.ShopHandle, Line: new CartLineView(v.VariantId, v.ProductId, v.Title, v.VariantName, v.PriceFen, i.Quantity, v.Stock, v.OnSale, v.Photo, i.NoteId));
        });
        var shops = lines.GroupBy(l => (l.ShopId, l.ShopName, l.ShopHandle))
            .Select(g => new CartShopGroup(g.Key.ShopId, g.Key.ShopName, g.Key.ShopHandle, g.Select(l => l.Line).ToList())).ToList();
        return shops;
    }

    /// <summary>One variant as a would-be cart line with its shop's name, for the confirm-add page; null when it does not exist.</summary>
    public async Task<(CartLineView Line, string ShopName)?> PreviewAsync(long variantId, int quantity, long? noteId)
    {
        var variants = await VariantsAsync([variantId]);
        if (!variants.TryGetValue(variantId, out var v)) return null;
        return (new CartLineView(v.VariantId, v.ProductId, v.Title, v.VariantName, v.PriceFen, quantity, v.Stock, v.OnSale, v.Photo, noteId), v.ShopName);
    }

    private record VariantRow(long VariantId, long ProductId, string Title, string VariantName, long PriceFen, int Stock, bool OnSale,
        long ShopId, string ShopName, string ShopHandle, PhotoView? Photo);

    private async Task<Dictionary<long, VariantRow>> VariantsAsync(IEnumerable<long> variantIds)
    {
        var ids = variantIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await (
            from v in db.ProductVariants.AsNoTracking()
            join p in db.Products on v.ProductId equals p.Id
            join s in db.Shops on p.ShopId equals s.Id
            where ids.Contains(v.Id)
            select new { VariantId = v.Id, v.ProductId, p.Title, VariantName = v.Name, v.PriceFen, v.Stock, p.Status, ShopId = s.Id, ShopName = s.Name, ShopHandle = s.Handle }
        ).ToListAsync();
        var photos = await ProductPhotos.CoversAsync(db, rows.Select(r => r.ProductId));
        return rows.ToDictionary(r => r.VariantId, r => new VariantRow(r.VariantId, r.ProductId, r.Title, r.VariantName, r.PriceFen, r.Stock,
            r.Status == ProductStatus.Active, r.ShopId, r.ShopName, r.ShopHandle, ProductPhotos.CoverOf(photos, r.ProductId, r.Title)));
    }
}
