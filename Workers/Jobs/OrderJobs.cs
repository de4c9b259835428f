using Hangfire;
using RedMvc.Workers.Commerce;

namespace RedMvc.Workers.Jobs;

// The order jobs are thin: each asks OrderLifecycle for one move, which re-checks the state, so a
// job that runs twice, late, or after the order moved on does nothing wrong.

/// <summary>Cancels an order still unpaid when its 30 minutes are up, and puts its stock back.</summary>
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

/// <summary>Closes a delivered order once the 7-day return window has passed.</summary>
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
