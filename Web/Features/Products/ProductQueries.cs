namespace RedMvc.Web.Features.Products;

public class ProductQueries(AppDbContext db, NoteCards cards)
{
    public const int NotesShown = 24;

    /// <summary>
    /// The product page, or null when the viewer may not see it: a draft or a product staff took down is only for its brand.
    /// Archived products stay reachable (notes and orders link to them) but are no longer sold.
    /// </summary>
    public async Task<ProductPage?> DetailsAsync(long id, long? variantId, long? noteId, string? viewerId)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Photos).Include(p => p.Variants).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id);
        if (product is null) return null;
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Id == product.ShopId);
        var viewerIsBrand = viewerId is not null && shop.OwnerId == viewerId;
        if (!product.IsPublic && !viewerIsBrand) return null;

        var variants = product.Variants.OrderBy(v => v.Id).Select(v => new VariantView(v.Id, v.Name, v.PriceFen, v.CompareAtFen, v.Stock)).ToList();
        var selected = variants.FirstOrDefault(v => v.Id == variantId)
            ?? variants.FirstOrDefault(v => v.State != StockState.SoldOut) ?? variants.FirstOrDefault();
        var reviews = await ReviewsAsync(id, viewerId);
        var reviewed = reviews.Select(r => r.Note.Id).ToList();
        var featuring = await cards.NewestAsync(cards.PublicFeedOf(viewerId)
            .Where(n => db.NoteProducts.Any(np => np.ProductId == id && np.NoteId == n.Id) && !reviewed.Contains(n.Id)), null, 0, NotesShown, viewerId);
        return new ProductPage(product.Id, product.ShopId, product.Title, product.Description, product.Category, product.Status,
            product.Photos.OrderBy(p => p.Position).Select(p => ProductPhotos.ToView(p, product.Title)).ToList(),
            variants, selected, new ShopCard(shop.Handle, shop.Name, shop.LogoKey), noteId, viewerIsBrand,
            reviews, featuring.Cards);
    }

    /// <summary>Notes written for an order line of this product (verified purchases), newest first; dated by delivery as on the note page.</summary>
    private async Task<List<VerifiedReview>> ReviewsAsync(long productId, string? viewerId)
    {
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.ProductId == productId && l.ReviewNoteId != null)
            .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { NoteId = l.ReviewNoteId!.Value, PurchasedAt = o.DeliveredAt ?? o.PlacedAt, l.VariantName })
            .OrderByDescending(l => l.PurchasedAt).Take(NotesShown).ToListAsync();
        if (lines.Count == 0) return [];
        var noteIds = lines.Select(l => l.NoteId).ToList();
        var publicIds = await cards.PublicFeedOf(viewerId).Where(n => noteIds.Contains(n.Id)).Select(n => n.Id).ToListAsync();
        var byId = (await cards.LoadAsync(publicIds, viewerId)).ToDictionary(n => n.Id);
        return lines.Where(l => byId.ContainsKey(l.NoteId)).DistinctBy(l => l.NoteId)
            .Select(l => new VerifiedReview(byId[l.NoteId], l.PurchasedAt, l.VariantName)).ToList();
    }

}
