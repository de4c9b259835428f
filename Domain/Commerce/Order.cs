using RedMvc.Domain.Text;

namespace RedMvc.Domain.Commerce;

public enum OrderStatus
{
    PendingPayment = 0,
    Paid = 1,
    Processing = 2,
    Shipped = 3,
    Delivered = 4,
    Completed = 5,
    Cancelled = 6,
    ReturnRequested = 7,
    Refunded = 8,
}

/// <summary>Where an order goes: copied from the address book when the order is placed, so later edits do not move it.</summary>
public record ShippingAddress(string Name, string Phone, string Province, string City, string District, string Line);

/// <summary>
/// One shop's part of a checkout. Every change of status is a method that refuses a move the
/// rules do not allow, does nothing when the order is already there (jobs and callbacks repeat),
/// and writes a line to the timeline that buyer and brand see. Each method returns true only
/// when it changed the order (the caller then saves it). What follows a move (stock back, refund,
/// email, next job) is decided by the state the order is in, whether or not this call changed it
/// (OrderLifecycle, docs/decisions/0009).
/// </summary>
public class Order
{
    public static readonly TimeSpan PaymentWindow = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ReturnWindow = TimeSpan.FromDays(7);
    public const int ReasonMaxLength = 200;
    public static readonly TextRule ReasonRule = TextRule.Lines(ReasonMaxLength, required: true);

    // Their columns hold 40 and 60 units: carrier names are short words, tracking numbers plain ASCII.
    public static readonly TextRule CarrierRule = new(20, 40, Required: true);
    public static readonly TextRule TrackingNumberRule = new(60, 60, Required: true);

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderEvent> _timeline = [];

    private Order() { }

    public long Id { get; private set; }

    /// <summary>What the buyer sees and quotes ("R20261128-000123"), set after the row has its id.</summary>
    public string Number { get; private set; } = "";
    public string BuyerId { get; private set; } = "";
    public long ShopId { get; private set; }

    /// <summary>The buyer's checkout key plus the shop: a resubmitted checkout finds its orders instead of making new ones.</summary>
    public string IdempotencyKey { get; private set; } = "";

    /// <summary>The checkout this order came from: its payment carries the same key.</summary>
    public string CheckoutKey => IdempotencyKey[..Math.Max(0, IdempotencyKey.LastIndexOf(':'))];
    public OrderStatus Status { get; private set; }
    public long SubtotalFen { get; private set; }
    public long ShippingFen { get; private set; }
    public long TotalFen => SubtotalFen + ShippingFen;
    public ShippingAddress Address { get; private set; } = null!;
    public DateTime PlacedAt { get; private set; }
    public DateTime? PaidAt { get; private set; }
    public string? PaymentReference { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTime? ShippedAt { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? ReturnReason { get; private set; }
    public bool RestockOnReturn { get; private set; }

    /// <summary>When the gateway was told to give the money back; null while a refund is still owed.</summary>
    public DateTime? RefundIssuedAt { get; private set; }

    /// <summary>Stock of the lines is back on the shelf (cancelled or returned with restock): never twice.</summary>
    public bool StockReleased { get; private set; }

    /// <summary>App-managed concurrency token: two writers of one order cannot both win.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<OrderEvent> Timeline => _timeline;

    public DateTime PaymentDueAt => PlacedAt + PaymentWindow;
    public DateTime? ReturnWindowEndsAt => DeliveredAt + ReturnWindow;

    public static Order Place(string buyerId, long shopId, string idempotencyKey, ShippingAddress address, IEnumerable<OrderLine> lines, long shippingFen, DateTime now)
    {
        var order = new Order
        {
            // A copy: EF tracks an owned value by reference, so one instance shared by the orders of a
            // checkout (one per shop) would be saved with the first order only, the others' columns null.
            BuyerId = buyerId, ShopId = shopId, IdempotencyKey = idempotencyKey, Address = address with { },
            ShippingFen = shippingFen, PlacedAt = now, Status = OrderStatus.PendingPayment, Version = Guid.NewGuid(),
        };
        order._lines.AddRange(lines);
        if (order._lines.Count == 0) throw new ShopRuleException("Order.Error.Empty");
        order.SubtotalFen = order._lines.Sum(l => l.LineTotalFen);
        order.Record(OrderStatus.PendingPayment, now, buyerId, null);
        return order;
    }

    public void AssignNumber() => Number = $"R{PlacedAt:yyyyMMdd}-{Id:D6}";

    public bool MarkPaid(string paymentReference, DateTime now)
    {
        if (Status == OrderStatus.PendingPayment)
        {
            PaidAt = now;
            PaymentReference = paymentReference;
            return Move(OrderStatus.Paid, now, null, null);
        }
        // The same payment told twice (callback replayed) is fine; anything else is a real problem.
        if (PaymentReference == paymentReference) return false;
        throw new ShopRuleException("Order.Error.NotAwaitingPayment");
    }

    public bool StartProcessing(DateTime now) =>
        Status is OrderStatus.Processing or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Completed
            ? false
            : Move(OrderStatus.Processing, now, null, null, OrderStatus.Paid);

    public bool Ship(string carrier, string trackingNumber, string byUserId, DateTime now)
    {
        var carrierText = CarrierRule.Check(carrier);
        var trackingText = TrackingNumberRule.Check(trackingNumber);
        if ((carrierText.ErrorKey("Order.Error.TrackingRequired", "Order.Error.TrackingTooLong") ?? trackingText.ErrorKey("Order.Error.TrackingRequired", "Order.Error.TrackingTooLong")) is { } error)
            throw new ShopRuleException(error);
        if (Status == OrderStatus.Shipped && TrackingNumber == trackingText.Value) return false;
        EnsureIn(OrderStatus.Paid, OrderStatus.Processing);
        Carrier = carrierText.Value;
        TrackingNumber = trackingText.Value;
        ShippedAt = now;
        return Move(OrderStatus.Shipped, now, byUserId, $"{Carrier} {TrackingNumber}");
    }

    public bool MarkDelivered(DateTime now)
    {
        if (Status is OrderStatus.Delivered or OrderStatus.Completed or OrderStatus.ReturnRequested or OrderStatus.Refunded) return false;
        EnsureIn(OrderStatus.Shipped);
        DeliveredAt = now;
        return Move(OrderStatus.Delivered, now, null, null);
    }

    /// <summary>Closes the order once the return window has passed without a return.</summary>
    public bool Complete(DateTime now)
    {
        if (Status == OrderStatus.Completed) return false;
        EnsureIn(OrderStatus.Delivered);
        if (now < ReturnWindowEndsAt) throw new ShopRuleException("Order.Error.ReturnWindowOpen");
        CompletedAt = now;
        return Move(OrderStatus.Completed, now, null, null);
    }

    /// <summary>The buyer or brand cancels before shipping, or the payment timer does. A paid order then needs a refund.</summary>
    public bool Cancel(string? byUserId, string reason, DateTime now)
    {
        if (Status == OrderStatus.Cancelled) return false;
        EnsureIn(OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing);
        CancelledAt = now;
        return Move(OrderStatus.Cancelled, now, byUserId, Reason(reason));
    }

    /// <summary>The payment timer: only an order still unpaid after the window is cancelled.</summary>
    public bool CancelIfUnpaid(DateTime now) =>
        Status == OrderStatus.PendingPayment && now >= PaymentDueAt && Cancel(null, "Order.Timeline.PaymentTimedOut", now);

    public bool RequestReturn(string reason, DateTime now)
    {
        if (Status == OrderStatus.ReturnRequested) return false;
        EnsureIn(OrderStatus.Delivered);
        if (now > ReturnWindowEndsAt) throw new ShopRuleException("Order.Error.ReturnWindowClosed");
        ReturnReason = Reason(reason);
        return Move(OrderStatus.ReturnRequested, now, BuyerId, ReturnReason);
    }

    /// <summary>The brand accepts the return; the refund follows, and the stock comes back when the brand says so.</summary>
    public bool ApproveReturn(bool restock, string byUserId, DateTime now)
    {
        if (Status == OrderStatus.Refunded) return false;
        EnsureIn(OrderStatus.ReturnRequested);
        RestockOnReturn = restock;
        return Move(OrderStatus.Refunded, now, byUserId, null);
    }

    public bool DeclineReturn(string byUserId, string reason, DateTime now)
    {
        if (Status != OrderStatus.ReturnRequested) return false;
        return Move(OrderStatus.Delivered, now, byUserId, Reason(reason));
    }

    /// <summary>
    /// Staff give the money back for a paid order at any later step: it moves to Refunded (the refund
    /// follows), with the stock back on the shelf when nothing had been shipped yet. An order that was
    /// never paid, or whose money is already back or on its way back, is refused.
    /// </summary>
    public bool RefundByStaff(string staffId, DateTime now)
    {
        if (PaidAt is null) throw new ShopRuleException("Order.Error.NotPaid");
        if (!CanBeRefundedByStaff) throw new ShopRuleException("Order.Error.AlreadyRefunded");
        RestockOnReturn = Status is OrderStatus.Paid or OrderStatus.Processing;
        return Move(OrderStatus.Refunded, now, staffId, "Order.Timeline.RefundedByStaff");
    }

    public bool CanBeRefundedByStaff => PaidAt is not null && Status is not (OrderStatus.Refunded or OrderStatus.Cancelled);

    /// <summary>Whether this order's stock should go back now: cancelled, or refunded with restock, and not done before.</summary>
    public bool NeedsStockRelease => !StockReleased && (Status == OrderStatus.Cancelled || (Status == OrderStatus.Refunded && RestockOnReturn));

    /// <summary>New version: a second runner that read the order before this one saved fails instead of releasing twice.</summary>
    public void MarkStockReleased()
    {
        StockReleased = true;
        Version = Guid.NewGuid();
    }

    /// <summary>A paid order that was cancelled or whose return was approved owes the buyer their money, until it is issued.</summary>
    public bool NeedsRefund => PaidAt is not null && RefundIssuedAt is null && (Status is OrderStatus.Cancelled or OrderStatus.Refunded);

    public void MarkRefundIssued(DateTime now)
    {
        if (!NeedsRefund) return;
        RefundIssuedAt = now;
        Version = Guid.NewGuid();
        Record(Status, now, null, "Order.Timeline.RefundIssued");
    }

    /// <summary>
    /// The payment arrived after the timer had cancelled the order: the money is recorded so that
    /// it is refunded; the order stays cancelled. Repeating it changes nothing.
    /// </summary>
    public bool PaymentArrivedAfterCancel(string paymentReference, DateTime now)
    {
        if (Status != OrderStatus.Cancelled) throw new ShopRuleException("Order.Error.InvalidTransition");
        if (PaidAt is not null) return false;
        PaidAt = now;
        PaymentReference = paymentReference;
        Version = Guid.NewGuid();
        Record(Status, now, null, "Order.Timeline.PaidAfterCancel");
        return true;
    }

    public bool IsVisibleTo(string userId, long? brandShopId) => userId == BuyerId || brandShopId == ShopId;

    private bool Move(OrderStatus to, DateTime now, string? byUserId, string? note, params OrderStatus[] allowedFrom)
    {
        if (allowedFrom.Length > 0) EnsureIn(allowedFrom);
        Status = to;
        Version = Guid.NewGuid();
        Record(to, now, byUserId, note);
        return true;
    }

    private void EnsureIn(params OrderStatus[] allowed)
    {
        if (!allowed.Contains(Status)) throw new ShopRuleException("Order.Error.InvalidTransition");
    }

    private void Record(OrderStatus status, DateTime now, string? byUserId, string? note) =>
        _timeline.Add(new OrderEvent(status, now, byUserId, note));

    private static string Reason(string? text)
    {
        var reason = ReasonRule.Check(text);
        return reason.ErrorKey("Order.Error.ReasonRequired", "Order.Error.ReasonTooLong") is { } error ? throw new ShopRuleException(error) : reason.Value;
    }
}

/// <summary>One variant bought, with the price paid and the note (and its creator) that led to it.</summary>
public class OrderLine
{
    private OrderLine() { }

    public OrderLine(long productId, long variantId, string title, string variantName, long unitPriceFen, int quantity, long? noteId, string? creatorId)
    {
        if (quantity <= 0) throw new ShopRuleException("Cart.Error.Quantity");
        (ProductId, VariantId, Title, VariantName, UnitPriceFen, Quantity, NoteId, CreatorId) =
            (productId, variantId, title, variantName, unitPriceFen, quantity, noteId, creatorId);
    }

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public long ProductId { get; private set; }
    public long VariantId { get; private set; }
    public string Title { get; private set; } = "";
    public string VariantName { get; private set; } = "";
    public long UnitPriceFen { get; private set; }
    public int Quantity { get; private set; }
    public long LineTotalFen => UnitPriceFen * Quantity;

    /// <summary>Attribution: the note the buyer came from, and its author.</summary>
    public long? NoteId { get; private set; }
    public string? CreatorId { get; private set; }

    /// <summary>The verified review note written for this line, once there is one.</summary>
    public long? ReviewNoteId { get; private set; }

    public void AttachReview(long noteId)
    {
        if (ReviewNoteId is not null && ReviewNoteId != noteId) throw new ShopRuleException("Review.Error.AlreadyReviewed");
        ReviewNoteId = noteId;
    }
}

/// <summary>A line of the order's timeline. Note is free text or a resource key ("Order.Timeline.*").</summary>
public class OrderEvent
{
    private OrderEvent() { }

    public OrderEvent(OrderStatus status, DateTime at, string? byUserId, string? note) => (Status, At, ByUserId, Note) = (status, at, byUserId, note);

    public long Id { get; private set; }
    public long OrderId { get; private set; }
    public OrderStatus Status { get; private set; }
    public DateTime At { get; private set; }
    public string? ByUserId { get; private set; }
    public string? Note { get; private set; }
}
