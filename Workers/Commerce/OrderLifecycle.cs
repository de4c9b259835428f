using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Email;
using RedMvc.Workers.Jobs;

namespace RedMvc.Workers.Commerce;

/// <summary>
/// Every move of an order, for web actions and jobs alike: apply the entity's transition, save
/// (the version token stops a concurrent writer), then settle what follows from the state the
/// order is in now — stock back, refund, email, the next job. Settling looks at the state, not at
/// whether this call changed it, so a job that died after saving and runs again finishes the work,
/// and the outbox key keeps each email to one.
/// </summary>
public class OrderLifecycle(
    AppDbContext db,
    OrderEmails emails,
    IPaymentRefunds refunds,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    IOptions<FulfilmentOptions> fulfilment)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Right after checkout: the payment timer for each order and the "please pay" email.</summary>
    public async Task PlacedAsync(IEnumerable<long> orderIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in orderIds)
        {
            var order = await LoadAsync(id, cancellationToken);
            if (order is null) continue;
            jobs.Schedule<CancelUnpaidOrderJob>(job => job.RunAsync(id, CancellationToken.None), order.PaymentDueAt);
            await SettleAsync(order, cancellationToken);
        }
    }

    /// <summary>The gateway approved the payment: each of its orders is paid once; one cancelled meanwhile is refunded.</summary>
    public async Task<bool> PaymentApprovedAsync(string paymentReference, CancellationToken cancellationToken = default)
    {
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Reference == paymentReference, cancellationToken);
        if (payment is null) return false;
        var changed = payment.Approve(Now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var order in await Checkout.OrdersOfAsync(db, payment, cancellationToken))
        {
            if (order.Status == OrderStatus.Cancelled) order.PaymentArrivedAfterCancel(payment.Reference, Now);
            else if (order.Status == OrderStatus.PendingPayment || order.PaymentReference == payment.Reference) order.MarkPaid(payment.Reference, Now);
            await db.SaveChangesAsync(cancellationToken);
            await SettleAsync(order, cancellationToken);
        }
        return changed;
    }

    public Task<bool> CancelIfUnpaidAsync(long orderId, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.CancelIfUnpaid(Now), cancellationToken);

    public Task<bool> CancelAsync(long orderId, string byUserId, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.Cancel(byUserId, reason, Now), cancellationToken);

    public Task<bool> StartProcessingAsync(long orderId, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.Status == OrderStatus.Paid && order.StartProcessing(Now), cancellationToken);

    public Task<bool> ShipAsync(long orderId, string carrier, string trackingNumber, string byUserId, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.Ship(carrier, trackingNumber, byUserId, Now), cancellationToken);

    public Task<bool> MarkDeliveredAsync(long orderId, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.MarkDelivered(Now), cancellationToken);

    /// <summary>Run when the return window has passed; an order with a return under way is left alone.</summary>
    public Task<bool> CompleteAsync(long orderId, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.Status == OrderStatus.Delivered && Now >= order.ReturnWindowEndsAt && order.Complete(Now), cancellationToken);

    public Task<bool> RequestReturnAsync(long orderId, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.RequestReturn(reason, Now), cancellationToken);

    public Task<bool> ApproveReturnAsync(long orderId, bool restock, string byUserId, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.ApproveReturn(restock, byUserId, Now), cancellationToken);

    public Task<bool> DeclineReturnAsync(long orderId, string byUserId, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order => order.DeclineReturn(byUserId, reason, Now), cancellationToken);

    /// <summary>
    /// Staff refund an order (Order.RefundByStaff); the audit entry is saved with the move, and the
    /// refund, stock and the buyer's email follow as for any refunded order.
    /// </summary>
    public Task<bool> RefundByStaffAsync(long orderId, StaffActor actor, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(orderId, order =>
        {
            var before = order.Status;
            if (!order.RefundByStaff(actor.StaffId, Now)) return false;
            db.StaffAudit.Add(StaffAuditEntry.Of(actor, "order.refund", "Order", order.Id.ToString(CultureInfo.InvariantCulture), order.BuyerId,
                before.ToString(), order.Status.ToString(), reason, Now));
            return true;
        }, cancellationToken);

    /// <summary>Invites the buyer to review each line not reviewed yet; the outbox sends each invitation once.</summary>
    public async Task InviteReviewsAsync(long orderId, CancellationToken cancellationToken = default)
    {
        var order = await LoadAsync(orderId, cancellationToken);
        if (order?.DeliveredAt is null || order.Status is OrderStatus.ReturnRequested or OrderStatus.Refunded) return;
        var buyer = await db.Users.SingleAsync(u => u.Id == order.BuyerId, cancellationToken);
        foreach (var line in order.Lines.Where(l => l.ReviewNoteId is null))
            await emails.ReviewInvitationAsync(order, line, buyer, cancellationToken);
    }

    /// <returns>True when the transition changed the order. ShopRuleException when it is not allowed.</returns>
    private async Task<bool> MoveAsync(long orderId, Func<Order, bool> transition, CancellationToken cancellationToken)
    {
        var order = await LoadAsync(orderId, cancellationToken) ?? throw new ShopRuleException("Order.Error.NotFound");
        var changed = transition(order);
        if (changed) await db.SaveChangesAsync(cancellationToken);
        await SettleAsync(order, cancellationToken);
        return changed;
    }

    /// <summary>Whatever the order's state calls for, each step safe to repeat.</summary>
    private async Task SettleAsync(Order order, CancellationToken cancellationToken)
    {
        await ShopStock.ReleaseOrderAsync(db, order, cancellationToken);
        if (order.NeedsRefund)
        {
            await refunds.RefundAsync(order.PaymentReference!, order.Number, order.TotalFen, cancellationToken);
            order.MarkRefundIssued(Now);
            await db.SaveChangesAsync(cancellationToken);
        }
        var buyer = await db.Users.SingleAsync(u => u.Id == order.BuyerId, cancellationToken);
        await emails.StatusAsync(order, buyer, cancellationToken);
        var brandOwner = await db.Shops.Where(s => s.Id == order.ShopId).Join(db.Users, s => s.OwnerId, u => u.Id, (s, u) => u).SingleAsync(cancellationToken);
        await emails.BrandAsync(order, brandOwner, cancellationToken);
        ScheduleNext(order);
    }

    /// <summary>
    /// The next step's job. Scheduling twice is harmless: each job re-checks the state and does
    /// nothing when the order has moved on.
    /// </summary>
    private void ScheduleNext(Order order)
    {
        var id = order.Id;
        switch (order.Status)
        {
            case OrderStatus.Paid:
                jobs.Enqueue<FulfilOrderJob>(job => job.RunAsync(id, CancellationToken.None));
                break;
            case OrderStatus.Shipped:
                jobs.Schedule<SandboxCarrierJob>(job => job.RunAsync(id, CancellationToken.None), order.ShippedAt!.Value + fulfilment.Value.DeliveryDelay);
                break;
            case OrderStatus.Delivered:
                jobs.Schedule<CompleteOrderJob>(job => job.RunAsync(id, CancellationToken.None), order.ReturnWindowEndsAt!.Value);
                jobs.Schedule<ReviewInvitationJob>(job => job.RunAsync(id, CancellationToken.None), order.DeliveredAt!.Value + fulfilment.Value.ReviewInvitationDelay);
                break;
        }
    }

    private Task<Order?> LoadAsync(long orderId, CancellationToken cancellationToken) =>
        db.Orders.Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
}
