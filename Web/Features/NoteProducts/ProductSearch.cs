namespace RedMvc.Web.Features.NoteProducts;

public record ProductSearchResult(long Id, string Title, string ShopName, long PriceFen, PhotoView? Cover);

/// <summary>The products an author can attach to a note.</summary>
public class ProductSearch(AppDbContext db)
{
    /// <summary>Products on sale whose title contains the words, newest first: what an author can attach.</summary>
    public async Task<IReadOnlyList<ProductSearchResult>> SearchAsync(string? text, int limit = 20)
    {
        var words = (text ?? "").Trim();
        if (words.Length == 0) return [];
        // LIKE ignores ASCII case on both providers; the user's % and _ are matched literally.
        var pattern = "%" + words.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[") + "%";
        var rows = await db.Products.AsNoTracking()
            .Where(p => p.Status == ProductStatus.Active && EF.Functions.Like(p.Title, pattern, "\\"))
            .Join(db.Shops, p => p.ShopId, s => s.Id, (p, s) => new
            {
                p.Id, p.Title, ShopName = s.Name,
                Price = p.Variants.Min(v => (long?)v.PriceFen) ?? 0,
            })
            .OrderByDescending(p => p.Id).Take(limit).ToListAsync();
        var covers = await ProductPhotos.CoversAsync(db, rows.Select(r => r.Id));
        return rows.Select(r => new ProductSearchResult(r.Id, r.Title, r.ShopName, r.Price, ProductPhotos.CoverOf(covers, r.Id, r.Title))).ToList();
    }
}
