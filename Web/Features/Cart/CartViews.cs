using System.ComponentModel.DataAnnotations;

namespace RedMvc.Web.Features.Cart;

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
