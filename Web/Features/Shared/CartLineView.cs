namespace RedMvc.Web.Features.Shared;

/// <summary>Whether a cart line can be bought as it stands, and if not, why.</summary>
public enum CartLineState { InStock, FewLeft, NotEnough, SoldOut, Unavailable }

/// <summary>A variant in the cart with today's price and stock (never the price it had when it was added).</summary>
public record CartLineView(long VariantId, long ProductId, string Title, string VariantName, long UnitPriceFen, int Quantity, int Stock,
    bool OnSale, PhotoView? Photo, long? NoteId)
{
    /// <summary>From this many left down, the page says "only N left".</summary>
    public const int FewLeftFrom = 5;

    public long LineTotalFen => UnitPriceFen * Quantity;

    public CartLineState State =>
        !OnSale ? CartLineState.Unavailable
        : Stock == 0 ? CartLineState.SoldOut
        : Stock < Quantity ? CartLineState.NotEnough
        : Stock <= FewLeftFrom ? CartLineState.FewLeft
        : CartLineState.InStock;

    public bool CanBuy => State is CartLineState.InStock or CartLineState.FewLeft;
}
