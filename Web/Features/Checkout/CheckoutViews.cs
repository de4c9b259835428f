namespace RedMvc.Web.Features.Checkout;

/// <summary>One shop's order as it will be placed: its lines, subtotal and shipping fee.</summary>
public record CheckoutShop(CartShopGroup Group, long ShippingFen)
{
    public long TotalFen => Group.SubtotalFen + ShippingFen;
}

/// <summary>
/// The checkout page. Key is new on every view: submitting this page twice (double click, back and
/// resubmit) places the orders once. Problem is a message about the last attempt, if any.
/// </summary>
public record CheckoutPage(IReadOnlyList<CheckoutShop> Shops, IReadOnlyList<AddressView> Addresses, long? AddressId, string Key, string? Problem)
{
    /// <summary>"Buy now": only this variant of the cart is checked out; the rest stays in the cart.</summary>
    public long? Only { get; init; }

    public long SubtotalFen => Shops.Sum(s => s.Group.SubtotalFen);
    public long ShippingFen => Shops.Sum(s => s.ShippingFen);
    public long TotalFen => SubtotalFen + ShippingFen;
    public bool LinesBuyable => Shops.All(s => s.Group.Lines.All(l => l.CanBuy));
    public bool CanPlace => Addresses.Count > 0 && LinesBuyable;
}

public class CheckoutForm
{
    public string? Key { get; set; }
    public long? AddressId { get; set; }

    /// <summary>The total the buyer saw: if prices moved since, the page is shown again instead of charging a different amount.</summary>
    public long ExpectedTotalFen { get; set; }

    /// <summary>Set by "buy now": place only this variant's cart line.</summary>
    public long? Only { get; set; }
}
