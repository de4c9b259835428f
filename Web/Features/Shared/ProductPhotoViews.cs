using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Shared;

/// <summary>Product photos use the note photo files and the same _Photo partial.</summary>
public static class ProductPhotoViews
{
    public static PhotoView ToView(ProductPhoto p, string productTitle) =>
        new(p.Id, p.Status, null, p.Width, p.Height, p.DominantColor, p.ContentHash,
            string.IsNullOrEmpty(p.Widths) ? [] : p.Widths.Split(',').Select(int.Parse).ToList(), productTitle);

    /// <summary>The first photo of each product, in one query (lists show one photo per line).</summary>
    public static async Task<Dictionary<long, ProductPhoto>> FirstOfAsync(AppDbContext db, IEnumerable<long> productIds)
    {
        var ids = productIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var photos = await db.ProductPhotos.AsNoTracking()
            .Where(p => ids.Contains(p.ProductId) && p.Position == db.ProductPhotos.Where(q => q.ProductId == p.ProductId).Min(q => q.Position))
            .ToListAsync();
        return photos.GroupBy(p => p.ProductId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id).First());
    }
}
