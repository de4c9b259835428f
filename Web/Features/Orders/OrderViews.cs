using System.ComponentModel.DataAnnotations;

namespace RedMvc.Web.Features.Orders;

/// <summary>A row of "my orders": the first line's photo and title stand for the order.</summary>
public record OrderRow(long Id, string Number, string ShopName, OrderStatus Status, long TotalFen, DateTime PlacedAt, int ItemCount,
    string FirstTitle, PhotoView? Photo);

/// <summary>Newest first, a page at a time; Before is the keyset for the next (older) page.</summary>
public record OrdersPage(IReadOnlyList<OrderRow> Orders, long? Before);

public record OrderLineView(long ProductId, string Title, string VariantName, long UnitPriceFen, int Quantity, PhotoView? Photo)
{
    public long LineTotalFen => UnitPriceFen * Quantity;
}

/// <summary>Note is free text, or a resource key ("Order.Timeline.*") the page translates.</summary>
public record TimelineEntry(OrderStatus Status, DateTime At, string? Note);

public record OrderDetails(
    long Id, string Number, string ShopName, string ShopHandle, OrderStatus Status, IReadOnlyList<OrderLineView> Lines, ShippingAddress Address,
    long SubtotalFen, long ShippingFen, DateTime PlacedAt, DateTime PaymentDueAt, string? Carrier, string? TrackingNumber, DateTime? ReturnWindowEndsAt,
    IReadOnlyList<TimelineEntry> Timeline, bool CanPay, bool CanCancel, bool CanRequestReturn, ReturnForm ReturnForm)
{
    public long TotalFen => SubtotalFen + ShippingFen;
}

public class ReturnForm
{
    /// <summary>Checked by Order.ReasonRule, which counts what a reader sees.</summary>
    [Display(Name = "Field.ReturnReason")]
    public string? Reason { get; set; }
}
