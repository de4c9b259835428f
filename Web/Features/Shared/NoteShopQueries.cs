namespace RedMvc.Web.Features.Shared;

public record ProductChip(long Id, string Title, long PriceFen, PhotoView? Cover, bool OnSale);

public record PinView(long Id, long PhotoId, long ProductId, string Title, long PriceFen, double X, double Y);

public record VerifiedPurchase(long ProductId, string ProductTitle, string VariantName, DateTime DeliveredAt);

/// <summary>The shop side of a note: its products (strip), pins per photo, and the purchase it reviews.</summary>
public record NoteShopView(IReadOnlyList<ProductChip> Products, IReadOnlyList<PinView> Pins, VerifiedPurchase? Verified)
{
    public static readonly NoteShopView Empty = new([], [], null);

    public IEnumerable<PinView> PinsOn(long photoId) => Pins.Where(p => p.PhotoId == photoId);
}

public class NoteShopQueries(AppDbContext db)
{
    /// <summary>Three small queries: the attached products with covers, the pins, and the reviewed order line.</summary>
    public async Task<NoteShopView> ForNoteAsync(long noteId, bool includeOffSale = false)
    {
        var products = await db.NoteProducts.AsNoTracking().Where(np => np.NoteId == noteId)
            .Join(db.Products, np => np.ProductId, p => p.Id, (np, p) => new { np.Position, Product = p })
            .Where(x => includeOffSale || x.Product.Status == ProductStatus.Active)
            .OrderBy(x => x.Position)
            .Select(x => new
            {
                x.Product.Id, x.Product.Title, x.Product.Status,
                Price = x.Product.Variants.Min(v => (long?)v.PriceFen) ?? 0,
            })
            .ToListAsync();
        var covers = await ProductPhotos.CoversAsync(db, products.Select(p => p.Id));
        var chips = products.Select(p => new ProductChip(p.Id, p.Title, p.Price, ProductPhotos.CoverOf(covers, p.Id, p.Title), p.Status == ProductStatus.Active)).ToList();
        var titles = chips.ToDictionary(c => c.Id);

        var pins = await db.ProductPins.AsNoTracking()
            .Where(pin => db.NotePhotos.Any(ph => ph.Id == pin.NotePhotoId && ph.NoteId == noteId))
            .OrderBy(pin => pin.Id).ToListAsync();
        var pinViews = pins.Where(pin => titles.ContainsKey(pin.ProductId))
            .Select(pin => new PinView(pin.Id, pin.NotePhotoId, pin.ProductId, titles[pin.ProductId].Title, titles[pin.ProductId].PriceFen, pin.X, pin.Y)).ToList();

        var verified = await db.OrderLines.AsNoTracking().Where(l => l.ReviewNoteId == noteId)
            .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new VerifiedPurchase(l.ProductId, l.Title, l.VariantName, o.DeliveredAt ?? o.PlacedAt))
            .FirstOrDefaultAsync();
        return new NoteShopView(chips, pinViews, verified);
    }
}
