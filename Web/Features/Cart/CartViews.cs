using System.ComponentModel.DataAnnotations;
using RedMvc.Domain.Commerce;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Cart;

public enum StockState { InStock, FewLeft, NotEnough, SoldOut, Unavailable }

/// <summary>A variant in the cart with today's price and stock (never the price it had when it was added).</summary>
public record CartLineView(long VariantId, long ProductId, string Title, string VariantName, long UnitPriceFen, int Quantity, int Stock,
    bool OnSale, PhotoView? Photo, long? NoteId)
{
    /// <summary>From this many left down, the page says "only N left".</summary>
    public const int FewLeftFrom = 5;

    public long LineTotalFen => UnitPriceFen * Quantity;

    public StockState State =>
        !OnSale ? StockState.Unavailable
        : Stock == 0 ? StockState.SoldOut
        : Stock < Quantity ? StockState.NotEnough
        : Stock <= FewLeftFrom ? StockState.FewLeft
        : StockState.InStock;

    public bool CanBuy => State is StockState.InStock or StockState.FewLeft;
}

/// <summary>One shop's lines: each shop ships its own order with its own shipping fee.</summary>
public record CartShopGroup(long ShopId, string ShopName, string ShopHandle, IReadOnlyList<CartLineView> Lines)
{
    public long SubtotalFen => Lines.Where(l => l.CanBuy).Sum(l => l.LineTotalFen);
}

public record CartPage(IReadOnlyList<CartShopGroup> Shops, PendingCartAdd? Pending)
{
    public IEnumerable<CartLineView> Lines => Shops.SelectMany(s => s.Lines);
    public long SubtotalFen => Shops.Sum(s => s.SubtotalFen);
    public int ItemCount => Lines.Where(l => l.CanBuy).Sum(l => l.Quantity);
    public bool IsEmpty => Shops.Count == 0;

    /// <summary>Checkout needs every line buyable as it stands; the page says which line to fix.</summary>
    public bool CanCheckout => !IsEmpty && Lines.All(l => l.CanBuy);
}

/// <summary>The page that asks a member to confirm an add that began elsewhere (a link, or before signing in).</summary>
public record ConfirmAddPage(CartLineView Line, string ShopName);

public class AddToCartForm
{
    [Required(ErrorMessage = "Validation.Required")]
    public long VariantId { get; set; }

    [Range(1, CartItem.MaxQuantity, ErrorMessage = "Validation.Range"), Display(Name = "Field.Quantity")]
    public int Quantity { get; set; } = 1;

    /// <summary>The note the buyer found the product in: the order line credits its creator.</summary>
    public long? NoteId { get; set; }

    /// <summary>"Buy now": add, then check out this item alone (the rest of the cart stays).</summary>
    public bool BuyNow { get; set; }
}
