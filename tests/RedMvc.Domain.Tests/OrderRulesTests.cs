using RedMvc.Domain.Commerce;

namespace RedMvc.Domain.Tests;

public class OrderRulesTests
{
    private static readonly DateTime Placed = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly ShippingAddress Home = Shops.Home;

    private static Order NewOrder() =>
        Order.Place("buyer", 1, "key:1", Home, [new OrderLine(10, 11, "保温杯", "奶白", 12900, 2, null, null)], 0, Placed);

    /// <summary>Drives a fresh order to the given status along the happy path (or the return path).</summary>
    private static Order OrderIn(OrderStatus status)
    {
        var order = NewOrder();
        if (status == OrderStatus.PendingPayment) return order;
        if (status == OrderStatus.Cancelled) { order.Cancel("buyer", "changed my mind", Placed.AddMinutes(1)); return order; }
        order.MarkPaid("pay_1", Placed.AddMinutes(2));
        if (status == OrderStatus.Paid) return order;
        order.StartProcessing(Placed.AddMinutes(3));
        if (status == OrderStatus.Processing) return order;
        order.Ship("顺丰", "SF123", "brand", Placed.AddHours(5));
        if (status == OrderStatus.Shipped) return order;
        order.MarkDelivered(Placed.AddDays(2));
        if (status == OrderStatus.Delivered) return order;
        if (status == OrderStatus.Completed) { order.Complete(Placed.AddDays(10)); return order; }
        order.RequestReturn("尺码不合适", Placed.AddDays(3));
        if (status == OrderStatus.ReturnRequested) return order;
        order.ApproveReturn(restock: true, "brand", Placed.AddDays(4));
        return order;
    }

    public static TheoryData<OrderStatus, string> InvalidMoves()
    {
        var data = new TheoryData<OrderStatus, string>();
        var moves = new Dictionary<string, OrderStatus[]>
        {
            ["Pay"] = [OrderStatus.Cancelled],
            ["Process"] = [OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderStatus.ReturnRequested, OrderStatus.Refunded],
            ["Ship"] = [OrderStatus.PendingPayment, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.ReturnRequested, OrderStatus.Refunded],
            ["Deliver"] = [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Cancelled],
            ["Complete"] = [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Cancelled, OrderStatus.ReturnRequested, OrderStatus.Refunded],
            ["Cancel"] = [OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.ReturnRequested, OrderStatus.Refunded],
            ["RequestReturn"] = [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.Refunded],
            ["ApproveReturn"] = [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Cancelled],
            ["RefundByStaff"] = [OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderStatus.Refunded],
        };
        foreach (var (move, froms) in moves)
            foreach (var from in froms) data.Add(from, move);
        return data;
    }

    private static void Apply(Order order, string move)
    {
        var late = Placed.AddDays(5);
        switch (move)
        {
            case "Pay": order.MarkPaid("pay_other", late); break;
            case "Process": order.StartProcessing(late); break;
            case "Ship": order.Ship("顺丰", "SF999", "brand", late); break;
            case "Deliver": order.MarkDelivered(late); break;
            case "Complete": order.Complete(Placed.AddDays(30)); break;
            case "Cancel": order.Cancel("buyer", "no", late); break;
            case "RequestReturn": order.RequestReturn("broken", late); break;
            case "ApproveReturn": order.ApproveReturn(false, "brand", late); break;
            case "RefundByStaff": order.RefundByStaff("staff", late); break;
        }
    }

    [Theory]
    [MemberData(nameof(InvalidMoves))]
    public void Every_invalid_transition_is_refused_and_changes_nothing(OrderStatus from, string move)
    {
        var order = OrderIn(from);
        var timeline = order.Timeline.Count;

        var refused = Assert.Throws<ShopRuleException>(() => Apply(order, move));

        Assert.StartsWith("Order.Error.", refused.Key);
        Assert.Equal(from, order.Status);
        Assert.Equal(timeline, order.Timeline.Count);
    }

    [Fact]
    public void The_happy_path_writes_one_timeline_line_per_step_and_repeating_a_step_writes_nothing()
    {
        var order = NewOrder();
        Assert.True(order.MarkPaid("pay_1", Placed.AddMinutes(2)));
        Assert.False(order.MarkPaid("pay_1", Placed.AddMinutes(3)));
        Assert.True(order.StartProcessing(Placed.AddMinutes(4)));
        Assert.False(order.StartProcessing(Placed.AddMinutes(5)));
        Assert.True(order.Ship("顺丰", "SF123", "brand", Placed.AddHours(1)));
        Assert.False(order.Ship("顺丰", "SF123", "brand", Placed.AddHours(2)));
        Assert.True(order.MarkDelivered(Placed.AddDays(2)));
        Assert.False(order.MarkDelivered(Placed.AddDays(3)));
        Assert.True(order.Complete(Placed.AddDays(9)));
        Assert.False(order.Complete(Placed.AddDays(10)));

        Assert.Equal(
            [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed],
            order.Timeline.Select(e => e.Status));
    }

    [Fact]
    public void A_different_payment_for_a_paid_order_is_refused()
    {
        var order = OrderIn(OrderStatus.Paid);
        Assert.Throws<ShopRuleException>(() => order.MarkPaid("pay_2", Placed.AddMinutes(9)));
        Assert.Equal("pay_1", order.PaymentReference);
    }

    [Fact]
    public void An_order_completes_only_after_the_return_window()
    {
        var order = OrderIn(OrderStatus.Delivered); // delivered on day 2
        Assert.Equal("Order.Error.ReturnWindowOpen", Assert.Throws<ShopRuleException>(() => order.Complete(Placed.AddDays(8))).Key);
        Assert.True(order.Complete(Placed.AddDays(9)));
    }

    [Fact]
    public void A_return_is_refused_after_seven_days_from_delivery()
    {
        var order = OrderIn(OrderStatus.Delivered);
        Assert.Equal("Order.Error.ReturnWindowClosed", Assert.Throws<ShopRuleException>(() => order.RequestReturn("late", Placed.AddDays(9).AddMinutes(1))).Key);
        Assert.True(order.RequestReturn("in time", Placed.AddDays(9)));
    }

    [Fact]
    public void The_payment_timer_cancels_only_unpaid_orders_and_only_after_thirty_minutes()
    {
        var unpaid = NewOrder();
        Assert.False(unpaid.CancelIfUnpaid(Placed.AddMinutes(29)));
        Assert.True(unpaid.CancelIfUnpaid(Placed.AddMinutes(30)));
        Assert.True(unpaid.NeedsStockRelease);
        Assert.False(unpaid.NeedsRefund);

        var paid = OrderIn(OrderStatus.Paid);
        Assert.False(paid.CancelIfUnpaid(Placed.AddHours(1)));
        Assert.Equal(OrderStatus.Paid, paid.Status);
    }

    [Fact]
    public void Stock_comes_back_once_for_a_cancel_and_only_with_restock_for_a_return()
    {
        var cancelled = OrderIn(OrderStatus.Cancelled);
        Assert.True(cancelled.NeedsStockRelease);
        cancelled.MarkStockReleased();
        Assert.False(cancelled.NeedsStockRelease);

        Assert.True(OrderIn(OrderStatus.Refunded).NeedsStockRelease);
        var kept = OrderIn(OrderStatus.ReturnRequested);
        kept.ApproveReturn(restock: false, "brand", Placed.AddDays(4));
        Assert.False(kept.NeedsStockRelease);
        Assert.True(kept.NeedsRefund);
    }

    [Fact]
    public void Totals_are_in_fen_with_shipping_per_order()
    {
        var order = Order.Place("buyer", 1, "k:1", Home,
            [new OrderLine(1, 2, "A", "", 12900, 2, null, null), new OrderLine(1, 3, "B", "", 990, 1, null, null)], 1000, Placed);
        Assert.Equal(26790, order.SubtotalFen);
        Assert.Equal(27790, order.TotalFen);
        Assert.Equal(0, new ShippingRule { FlatFen = 1000, FreeFromFen = 9900 }.FeeFor(9900));
        Assert.Equal(1000, new ShippingRule { FlatFen = 1000, FreeFromFen = 9900 }.FeeFor(9899));
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("138 0013 8000", true)]
    [InlineData("23800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("1380013800a", false)]
    public void Phone_numbers_are_eleven_digit_mobiles(string phone, bool valid) => Assert.Equal(valid, AddressRules.IsMobile(phone));

    [Fact]
    public void A_refund_is_owed_once_for_a_paid_cancel_and_for_a_payment_that_came_after_the_timer()
    {
        var paid = OrderIn(OrderStatus.Paid);
        paid.Cancel("buyer", "no longer needed", Placed.AddHours(1));
        Assert.True(paid.NeedsRefund);
        paid.MarkRefundIssued(Placed.AddHours(1));
        Assert.False(paid.NeedsRefund);

        var late = NewOrder();
        late.CancelIfUnpaid(Placed.AddMinutes(31));
        Assert.False(late.NeedsRefund);
        Assert.True(late.PaymentArrivedAfterCancel("pay_9", Placed.AddMinutes(32)));
        Assert.False(late.PaymentArrivedAfterCancel("pay_9", Placed.AddMinutes(33)));
        Assert.Equal(OrderStatus.Cancelled, late.Status);
        Assert.True(late.NeedsRefund);
    }

    [Theory]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Processing, true)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Delivered, false)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.ReturnRequested, false)]
    public void Staff_refund_any_paid_order_and_the_stock_comes_back_only_when_nothing_was_shipped(OrderStatus from, bool restocks)
    {
        var order = OrderIn(from);

        Assert.True(order.RefundByStaff("staff", Placed.AddDays(20)));

        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.True(order.NeedsRefund);
        Assert.Equal(restocks, order.NeedsStockRelease);
        var last = order.Timeline[^1];
        Assert.Equal((OrderStatus.Refunded, "staff", "Order.Timeline.RefundedByStaff"), (last.Status, last.ByUserId, last.Note));
        Assert.False(order.CanBeRefundedByStaff);
    }

    [Fact]
    public void A_staff_refund_says_whether_the_order_was_never_paid_or_is_already_refunded()
    {
        Assert.Equal("Order.Error.NotPaid", Assert.Throws<ShopRuleException>(() => OrderIn(OrderStatus.PendingPayment).RefundByStaff("staff", Placed)).Key);
        Assert.Equal("Order.Error.NotPaid", Assert.Throws<ShopRuleException>(() => OrderIn(OrderStatus.Cancelled).RefundByStaff("staff", Placed)).Key);
        Assert.Equal("Order.Error.AlreadyRefunded", Assert.Throws<ShopRuleException>(() => OrderIn(OrderStatus.Refunded).RefundByStaff("staff", Placed)).Key);
    }
}
