using RedMvc.Workers.Commerce;

namespace RedMvc.Web.Features.Orders;

/// <summary>The buyer's orders. Another member's order answers 404 to every route.</summary>
[Authorize]
public class OrdersController(AppDbContext db, OrderQueries queries, OrderLifecycle lifecycle, IPaymentGateway gateway, IStringLocalizer<SharedResource> t) : Controller
{
    private string BuyerId => User.Id()!;

    [HttpGet("/orders")]
    public async Task<IActionResult> Index(long? before) => View(await queries.ListAsync(BuyerId, before));

    [HttpGet("/orders/{id:long}")]
    public async Task<IActionResult> Details(long id)
    {
        var order = await queries.DetailsAsync(id, BuyerId);
        return order is null ? NotFound() : View(order);
    }

    /// <summary>Pays (again, after a decline) while the payment window is open. A POST: starting a payment may open a session at the gateway.</summary>
    [HttpPost("/orders/{id:long}/pay")]
    public async Task<IActionResult> Pay(long id)
    {
        var order = await queries.DetailsAsync(id, BuyerId);
        if (order is null) return NotFound();
        var payment = await queries.PaymentOfAsync(id, BuyerId);
        if (!order.CanPay || payment is null || payment.Status != PaymentStatus.Pending)
        {
            this.Flash(t["Orders.CannotPay"]);
            return Redirect($"/orders/{id}");
        }
        return Redirect(await gateway.StartAsync(payment));
    }

    [HttpPost("/orders/{id:long}/cancel")]
    public async Task<IActionResult> Cancel(long id)
    {
        if (!await IsMineAsync(id)) return NotFound();
        if (await MoveAsync(id, () => lifecycle.CancelAsync(id, BuyerId, "Order.Timeline.CancelledByBuyer"))) this.Flash(t["Orders.Cancelled"]);
        return Redirect($"/orders/{id}");
    }

    [HttpPost("/orders/{id:long}/return")]
    public async Task<IActionResult> Return(long id, ReturnForm form)
    {
        if (!await IsMineAsync(id)) return NotFound();
        if (Order.ReasonRule.Check(form.Reason).Problem is { } problem)
            ModelState.AddTextProblem(nameof(form.Reason), problem, Order.ReasonMaxLength, t, "Field.ReturnReason");
        if (!ModelState.IsValid) return View(nameof(Details), await queries.DetailsAsync(id, BuyerId, form));
        if (await MoveAsync(id, () => lifecycle.RequestReturnAsync(id, form.Reason!))) this.Flash(t["Orders.ReturnRequested"]);
        return Redirect($"/orders/{id}");
    }

    private Task<bool> IsMineAsync(long id) => db.Orders.AnyAsync(o => o.Id == id && o.BuyerId == BuyerId);

    /// <summary>Runs a transition; a move the order no longer allows (or a concurrent one) becomes a message, not an error page.</summary>
    private async Task<bool> MoveAsync(long id, Func<Task<bool>> move)
    {
        try
        {
            await move();
            return true;
        }
        catch (ShopRuleException rule)
        {
            this.Flash(t[rule.Key]);
        }
        catch (DbUpdateConcurrencyException)
        {
            this.Flash(t["Orders.Changed"]);
        }
        return false;
    }
}
