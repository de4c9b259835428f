namespace RedMvc.Web.Features.Products;

public enum StockState { InStock, Low, SoldOut }

public record VariantView(long Id, string Name, long PriceFen, long? CompareAtFen, int Stock)
{
    /// <summary>At or below this many left, the page says "only N left".</summary>
    public const int LowStock = 5;

    public StockState State => Stock <= 0 ? StockState.SoldOut : Stock <= LowStock ? StockState.Low : StockState.InStock;
}

/// <summary>A note tied to an order line of this product: "Verified purchase · date · variant".</summary>
public record VerifiedReview(NoteCard Note, DateTime PurchasedAt, string VariantName);

public record ProductPage(
    long Id, long ShopId, string Title, string Description, string Category, ProductStatus Status, IReadOnlyList<PhotoView> Photos,
    IReadOnlyList<VariantView> Variants, VariantView? Selected, ShopCard Shop, long? FromNoteId, bool ViewerIsBrand,
    IReadOnlyList<VerifiedReview> Reviews, IReadOnlyList<NoteCard> Featuring)
{
    public bool OnSale => Status == ProductStatus.Active;
    public PhotoView? Cover => Photos.FirstOrDefault(p => p.IsReady);

    /// <summary>This page's address with the chosen variant and the note the buyer came from.</summary>
    public string UrlFor(long variantId) => $"/products/{Id}?variant={variantId}" + (FromNoteId is { } note ? $"&note={note}" : "");
}
