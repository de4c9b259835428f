using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Workers.Commerce;

namespace RedMvc.Workers.Jobs;

// The order jobs are thin: each asks OrderLifecycle for one move, which re-checks the state and then
// settles what the order's state calls for (docs/decisions/0009). A job that runs twice, late, or
// after the order moved on changes nothing twice, and one that died after saving finishes the stock,
// refund, email and next job when Hangfire retries it.

/// <summary>Cancels an order still unpaid when its payment window is up; settling puts its stock back.</summary>
public class CancelUnpaidOrderJob(OrderLifecycle orders)
{
    [Queue(Queues.Critical)]
    public Task RunAsync(long orderId, CancellationToken cancellationToken) => orders.CancelIfUnpaidAsync(orderId, cancellationToken);
}

/// <summary>A paid order goes to Processing: the shop's queue of orders to pack.</summary>
public class FulfilOrderJob(OrderLifecycle orders)
{
    [Queue(Queues.Default)]
    public Task RunAsync(long orderId, CancellationToken cancellationToken) => orders.StartProcessingAsync(orderId, cancellationToken);
}

/// <summary>The sandbox carrier: marks a shipped order delivered after the configured delay.</summary>
public class SandboxCarrierJob(OrderLifecycle orders)
{
    [Queue(Queues.Default)]
    public Task RunAsync(long orderId, CancellationToken cancellationToken) => orders.MarkDeliveredAsync(orderId, cancellationToken);
}

/// <summary>Closes a delivered order once its return window (Order.ReturnWindow) has passed.</summary>
public class CompleteOrderJob(OrderLifecycle orders)
{
    [Queue(Queues.Default)]
    public Task RunAsync(long orderId, CancellationToken cancellationToken) => orders.CompleteAsync(orderId, cancellationToken);
}

/// <summary>Some days after delivery, invites the buyer to write a review note for each line.</summary>
public class ReviewInvitationJob(OrderLifecycle orders)
{
    [Queue(Queues.Email)]
    public Task RunAsync(long orderId, CancellationToken cancellationToken) => orders.InviteReviewsAsync(orderId, cancellationToken);
}

/// <summary>
/// Every few minutes, finds orders whose next step is overdue (a lost or failed delayed job) and
/// runs that step: unpaid past the window, paid but not picked up, shipped past the carrier's
/// delay, delivered past the return window. Each step re-checks the state, so overlap is harmless.
/// </summary>
public class SweepOrdersJob(AppDbContext db, OrderLifecycle orders, TimeProvider clock, IOptions<FulfilmentOptions> fulfilment)
{
    public const int BatchSize = 200;

    [Queue(Queues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unpaidBefore = now - Order.PaymentWindow;
        var paidBefore = now.AddMinutes(-10);
        var shippedBefore = now - fulfilment.Value.DeliveryDelay;
        var deliveredBefore = now - Order.ReturnWindow;
        var due = await db.Orders
            .Where(o => (o.Status == OrderStatus.PendingPayment && o.PlacedAt <= unpaidBefore)
                || (o.Status == OrderStatus.Paid && o.PaidAt <= paidBefore)
                || (o.Status == OrderStatus.Shipped && o.ShippedAt <= shippedBefore)
                || (o.Status == OrderStatus.Delivered && o.DeliveredAt <= deliveredBefore))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Status }).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            db.ChangeTracker.Clear();
            await (order.Status switch
            {
                OrderStatus.PendingPayment => orders.CancelIfUnpaidAsync(order.Id, cancellationToken),
                OrderStatus.Paid => orders.StartProcessingAsync(order.Id, cancellationToken),
                OrderStatus.Shipped => orders.MarkDeliveredAsync(order.Id, cancellationToken),
                _ => orders.CompleteAsync(order.Id, cancellationToken),
            });
        }
        return due.Count;
    }
}
