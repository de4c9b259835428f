using RedMvc.Workers.Commerce;

namespace RedMvc.Workers.Tests.Commerce;

public class OrderLifecycleTests
{
    private static Task<T> WithLifecycle<T>(WorkersHost host, Func<OrderLifecycle, Task<T>> work) =>
        host.InScopeAsync(sp => work(sp.GetRequiredService<OrderLifecycle>()));

    private static async Task<(Order Order, Payment Payment)> PlaceAsync(WorkersHost host, Shopfront shop, int quantity = 1, DateTime? at = null)
    {
        var placed = Assert.IsType<CheckoutResult.Placed>(await shop.CheckoutAsync(host, await shop.BuyerAsync(host), quantity, at));
        await host.InScopeAsync(sp => sp.GetRequiredService<OrderLifecycle>().PlacedAsync([placed.Orders[0].Id]));
        return (placed.Orders[0], placed.Payment);
    }

    [Fact]
    public async Task Checkouts_never_sell_more_than_the_stock_however_many_buyers_race()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 50);
        var buyers = new List<string>();
        for (var i = 0; i < 200; i++) buyers.Add(await shop.BuyerAsync(host));

        var results = await Task.WhenAll(buyers.Select(b => Task.Run(() => shop.CheckoutAsync(host, b))));

        Assert.Equal(50, results.OfType<CheckoutResult.Placed>().Count());
        Assert.Equal(150, results.OfType<CheckoutResult.SoldOut>().Count());
        Assert.Equal(0, await shop.StockAsync(host));
        Assert.Equal(50, await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Orders.CountAsync()));
    }

    [Fact]
    public async Task The_same_checkout_key_twice_makes_one_order()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 5);
        var buyer = await shop.BuyerAsync(host);

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => shop.CheckoutAsync(host, buyer, key: "same-key"))));

        var orders = both.Cast<CheckoutResult.Placed>().Select(p => p.Orders.Single().Id).Distinct();
        Assert.Single(orders);
        Assert.Equal(4, await shop.StockAsync(host));
    }

    [Fact]
    public async Task An_unpaid_order_is_cancelled_after_thirty_minutes_and_its_stock_comes_back_once()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 3);
        var (fresh, _) = await PlaceAsync(host, shop, quantity: 1);
        var (old, _) = await PlaceAsync(host, shop, quantity: 2, at: DateTime.UtcNow.AddMinutes(-31));
        Assert.Equal(0, await shop.StockAsync(host));

        foreach (var _ in new[] { 1, 2 })
        {
            await host.InScopeAsync(sp => sp.GetRequiredService<CancelUnpaidOrderJob>().RunAsync(old.Id, CancellationToken.None));
            await host.InScopeAsync(sp => sp.GetRequiredService<CancelUnpaidOrderJob>().RunAsync(fresh.Id, CancellationToken.None));
        }

        Assert.Equal(OrderStatus.Cancelled, (await Shopfront.OrderAsync(host, old.Id)).Status);
        Assert.Equal(OrderStatus.PendingPayment, (await Shopfront.OrderAsync(host, fresh.Id)).Status);
        Assert.Equal(2, await shop.StockAsync(host));
        Assert.Equal(["order-pendingpayment", "order-cancelled"], await Shopfront.OutboxAsync(host, old.Id));
    }

    [Fact]
    public async Task A_payment_approved_twice_pays_the_order_once_with_one_email_each_for_buyer_and_brand()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 3);
        var (order, payment) = await PlaceAsync(host, shop);

        Assert.True(await WithLifecycle(host, l => l.PaymentApprovedAsync(payment.Reference)));
        Assert.False(await WithLifecycle(host, l => l.PaymentApprovedAsync(payment.Reference)));

        var paid = await Shopfront.OrderAsync(host, order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Single(paid.Timeline, e => e.Status == OrderStatus.Paid);
        Assert.Equal(["order-pendingpayment", "order-paid", "brand-order-paid"], await Shopfront.OutboxAsync(host, order.Id));
    }

    [Fact]
    public async Task A_payment_that_arrives_after_the_timer_cancelled_the_order_is_refunded_once()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 3);
        var (order, payment) = await PlaceAsync(host, shop, at: DateTime.UtcNow.AddMinutes(-40));
        await host.InScopeAsync(sp => sp.GetRequiredService<CancelUnpaidOrderJob>().RunAsync(order.Id, CancellationToken.None));

        await WithLifecycle(host, l => l.PaymentApprovedAsync(payment.Reference));
        await WithLifecycle(host, l => l.PaymentApprovedAsync(payment.Reference));

        var cancelled = await Shopfront.OrderAsync(host, order.Id);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.RefundIssuedAt);
        Assert.Single(cancelled.Timeline, e => e.Note == "Order.Timeline.RefundIssued");
        Assert.Equal(3, await shop.StockAsync(host));
    }

    [Fact]
    public async Task A_fulfilment_step_that_died_after_saving_finishes_on_the_rerun_with_one_email()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 3);
        var (order, payment) = await PlaceAsync(host, shop);
        await WithLifecycle(host, l => l.PaymentApprovedAsync(payment.Reference));
        await WithLifecycle(host, l => l.ShipAsync(order.Id, "顺丰", "SF1001", shop.BrandId));
        // The carrier job saved "delivered" and died before anything else happened.
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var tracked = await db.Orders.Include(o => o.Timeline).SingleAsync(o => o.Id == order.Id);
            tracked.MarkDelivered(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        await host.InScopeAsync(sp => sp.GetRequiredService<SandboxCarrierJob>().RunAsync(order.Id, CancellationToken.None));
        await host.InScopeAsync(sp => sp.GetRequiredService<SandboxCarrierJob>().RunAsync(order.Id, CancellationToken.None));

        var delivered = await Shopfront.OrderAsync(host, order.Id);
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Single(delivered.Timeline, e => e.Status == OrderStatus.Delivered);
        Assert.Single(await Shopfront.OutboxAsync(host, order.Id), p => p == "order-delivered");
    }

    [Fact]
    public async Task The_fulfilment_jobs_take_a_paid_order_to_delivered_and_completion_waits_for_the_return_window()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 3);
        var (order, payment) = await PlaceAsync(host, shop);
        await WithLifecycle(host, l => l.PaymentApprovedAsync(payment.Reference));

        await host.InScopeAsync(sp => sp.GetRequiredService<FulfilOrderJob>().RunAsync(order.Id, CancellationToken.None));
        Assert.Equal(OrderStatus.Processing, (await Shopfront.OrderAsync(host, order.Id)).Status);
        await WithLifecycle(host, l => l.ShipAsync(order.Id, "顺丰", "SF2002", shop.BrandId));
        await host.InScopeAsync(sp => sp.GetRequiredService<SandboxCarrierJob>().RunAsync(order.Id, CancellationToken.None));
        await host.InScopeAsync(sp => sp.GetRequiredService<CompleteOrderJob>().RunAsync(order.Id, CancellationToken.None));

        Assert.Equal(OrderStatus.Delivered, (await Shopfront.OrderAsync(host, order.Id)).Status);
        Assert.Equal(["order-pendingpayment", "order-paid", "brand-order-paid", "order-shipped", "order-delivered"], await Shopfront.OutboxAsync(host, order.Id));
    }

    [Fact]
    public async Task An_approved_return_refunds_and_restocks_once()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 3);
        var (order, payment) = await PlaceAsync(host, shop, quantity: 2);
        await WithLifecycle(host, l => l.PaymentApprovedAsync(payment.Reference));
        await WithLifecycle(host, l => l.ShipAsync(order.Id, "顺丰", "SF3003", shop.BrandId));
        await WithLifecycle(host, l => l.MarkDeliveredAsync(order.Id));
        await WithLifecycle(host, l => l.RequestReturnAsync(order.Id, "尺码不合适"));

        await WithLifecycle(host, l => l.ApproveReturnAsync(order.Id, restock: true, shop.BrandId));
        await WithLifecycle(host, l => l.ApproveReturnAsync(order.Id, restock: true, shop.BrandId));

        var refunded = await Shopfront.OrderAsync(host, order.Id);
        Assert.Equal(OrderStatus.Refunded, refunded.Status);
        Assert.NotNull(refunded.RefundIssuedAt);
        Assert.Equal(3, await shop.StockAsync(host));
        Assert.Contains("brand-order-returnrequested", await Shopfront.OutboxAsync(host, order.Id));
    }

    [Fact]
    public async Task The_sweeper_finishes_steps_whose_delayed_jobs_were_lost_and_leaves_fresh_orders_alone()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 5);
        var (stale, _) = await PlaceAsync(host, shop, at: DateTime.UtcNow.AddMinutes(-45));
        var (fresh, _) = await PlaceAsync(host, shop);

        var swept = await host.InScopeAsync(sp => sp.GetRequiredService<SweepOrdersJob>().RunAsync(CancellationToken.None));
        await host.InScopeAsync(sp => sp.GetRequiredService<SweepOrdersJob>().RunAsync(CancellationToken.None));

        Assert.Equal(1, swept);
        Assert.Equal(OrderStatus.Cancelled, (await Shopfront.OrderAsync(host, stale.Id)).Status);
        Assert.Equal(OrderStatus.PendingPayment, (await Shopfront.OrderAsync(host, fresh.Id)).Status);
        Assert.Equal(4, await shop.StockAsync(host));
    }
}
