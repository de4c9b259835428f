namespace RedMvc.Web.Features.Shared;

/// <summary>Product photos use the note photo files and the same markup (PictureHtml.Photo).</summary>
public static class ProductPhotos
{
    public static PhotoView ToView(ProductPhoto photo, string title) =>
        new(photo.Id, photo.Status, null, photo.Width, photo.Height, photo.DominantColor, photo.ContentHash,
            string.IsNullOrEmpty(photo.Widths) ? [] : photo.Widths.Split(',').Select(int.Parse).ToList(), title);

    /// <summary>Each product's first photo by the (ProductId, Position) index, as NoteCards.CoversAsync does for notes.</summary>
    public static async Task<IReadOnlyDictionary<long, ProductPhoto>> CoversAsync(AppDbContext db, IEnumerable<long> productIds)
    {
        var ids = productIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<long, ProductPhoto>();
        return (await db.ProductPhotos.AsNoTracking()
                .Where(p => ids.Contains(p.ProductId) && p.Position == db.ProductPhotos.Where(q => q.ProductId == p.ProductId).Min(q => q.Position))
                .ToListAsync())
            .DistinctBy(p => p.ProductId).ToDictionary(p => p.ProductId);
    }

    /// <summary>The view of a product's first photo from CoversAsync, or null when it has none.</summary>
    public static PhotoView? CoverOf(IReadOnlyDictionary<long, ProductPhoto> covers, long productId, string title) =>
        covers.TryGetValue(productId, out var photo) ? ToView(photo, title) : null;
}
