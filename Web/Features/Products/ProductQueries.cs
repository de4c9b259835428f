using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Products;

public class ProductQueries(AppDbContext db)
{
    public const int NotesShown = 24;

    /// <summary>
    /// The product page, or null when the viewer may not see it: a draft is only for its brand.
    /// Archived products stay reachable (notes and orders link to them) but are no longer sold.
    /// </summary>
    public async Task<ProductPage?> DetailsAsync(long id, long? variantId, long? noteId, string? viewerId)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Photos).Include(p => p.Variants).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id);
        if (product is null) return null;
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Id == product.ShopId);
        var viewerIsBrand = viewerId is not null && shop.OwnerId == viewerId;
        if (product.Status == ProductStatus.Draft && !viewerIsBrand) return null;

        var variants = product.Variants.OrderBy(v => v.Id).Select(v => new VariantView(v.Id, v.Name, v.PriceFen, v.CompareAtFen, v.Stock)).ToList();
        var selected = variants.FirstOrDefault(v => v.Id == variantId)
            ?? variants.FirstOrDefault(v => v.State != StockState.SoldOut) ?? variants.FirstOrDefault();
        var reviews = await ReviewsAsync(id, viewerId);
        var reviewed = reviews.Select(r => r.Note.Id).ToHashSet();
        var featuring = await NoteCards.ForAsync(db, viewerId,
            db.NoteProducts.Where(np => np.ProductId == id).Select(np => np.NoteId), NotesShown + reviewed.Count);
        return new ProductPage(product.Id, product.Title, product.Description, product.Category, product.Status,
            product.Photos.OrderBy(p => p.Position).Select(p => ProductPhotos.ToView(p, product.Title)).ToList(),
            variants, selected, new ShopCard(shop.Handle, shop.Name, shop.LogoKey), noteId, viewerIsBrand,
            reviews, featuring.Where(n => !reviewed.Contains(n.Id)).Take(NotesShown).ToList());
    }

    /// <summary>Notes written for an order line of this product (verified purchases), newest first; dated by delivery as on the note page.</summary>
    private async Task<List<VerifiedReview>> ReviewsAsync(long productId, string? viewerId)
    {
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.ProductId == productId && l.ReviewNoteId != null)
            .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { NoteId = l.ReviewNoteId!.Value, PurchasedAt = o.DeliveredAt ?? o.PlacedAt, l.VariantName })
            .OrderByDescending(l => l.PurchasedAt).Take(NotesShown).ToListAsync();
        if (lines.Count == 0) return [];
        var noteIds = lines.Select(l => l.NoteId).ToList();
        var cards = (await NoteCards.ForAsync(db, viewerId, db.Notes.Where(n => noteIds.Contains(n.Id)).Select(n => n.Id), NotesShown)).ToDictionary(n => n.Id);
        return lines.Where(l => cards.ContainsKey(l.NoteId)).DistinctBy(l => l.NoteId)
            .Select(l => new VerifiedReview(cards[l.NoteId], l.PurchasedAt, l.VariantName)).ToList();
    }
}

/// <summary>Waterfall cards for notes picked by id: only published public notes the viewer may see, newest first.</summary>
public static class NoteCards
{
    public static async Task<List<NoteCard>> ForAsync(AppDbContext db, string? viewerId, IQueryable<long> noteIds, int take)
    {
        var notes = await db.Notes.AsNoTracking().Include(n => n.Photos)
            .VisibleTo(db, viewerId).Where(n => n.Visibility == NoteVisibility.Public && noteIds.Contains(n.Id))
            .OrderByDescending(n => n.PublishedAt).Take(take).ToListAsync();
        var authorIds = notes.Select(n => n.AuthorId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey));
        return notes.Select(n => new NoteCard(n.Id, n.Title, authors[n.AuthorId],
            n.Photos.OrderBy(p => p.Position).Select(p => NoteQueries.ToView(p, n.Title)).FirstOrDefault(), n.PublishedAt, n.LikeCount)).ToList();
    }
}
