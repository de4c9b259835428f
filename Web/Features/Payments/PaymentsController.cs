using System.Text;
using RedMvc.Workers.Commerce;

namespace RedMvc.Web.Features.Payments;

/// <summary>
/// The gateway's callback, and the built-in sandbox gateway's payment page. The callback trusts
/// nothing but the signature: it needs no session and no antiforgery token (the gateway has neither).
/// </summary>
public class PaymentsController(AppDbContext db, PaymentCallbacks callbacks, PaymentSigner signer, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>A callback body is a few hundred bytes; anything far larger is not one.</summary>
    private const int MaxCallbackBytes = 4096;

    [HttpPost("/payments/callback"), AllowAnonymous, IgnoreAntiforgeryToken, RequestSizeLimit(MaxCallbackBytes)]
    public async Task<IActionResult> Callback()
    {
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        CallbackOutcome outcome;
        try
        {
            outcome = await callbacks.HandleAsync(body, Request.Headers[PaymentSigner.Header].FirstOrDefault(), HttpContext.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same callback is being applied by another request: the gateway retries, and the retry finds it done.
            return Conflict();
        }
        return outcome switch
        {
            CallbackOutcome.Applied => Ok(),
            CallbackOutcome.BadSignature => Unauthorized(),
            CallbackOutcome.UnknownPayment => NotFound(),
            _ => BadRequest(),
        };
    }

    /// <summary>The sandbox "bank" page: only the buyer's own payment (anyone else gets 404).</summary>
    [HttpGet("/pay/sandbox/{reference}"), Authorize]
    public async Task<IActionResult> Sandbox(string reference)
    {
        var page = await SandboxPageAsync(reference);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>
    /// The buyer's button. The sandbox then reports to the site as a real gateway would: a signed
    /// callback body, handed to the same handler the callback endpoint runs (in process, since the
    /// site may not be able to reach its own public address).
    /// </summary>
    [HttpPost("/pay/sandbox/{reference}"), Authorize]
    public async Task<IActionResult> Sandbox(string reference, string decision)
    {
        var page = await SandboxPageAsync(reference);
        if (page is null) return NotFound();
        if (decision is not (PaymentCallback.Approved or PaymentCallback.Declined)) return BadRequest();
        if (!page.CanPay)
        {
            this.Flash(t["Payment.Closed"]);
            return Redirect(OrderUrl(page));
        }
        var body = new PaymentCallback(reference, decision, page.AmountFen, clock.GetUtcNow().ToUnixTimeSeconds()).ToJson();
        try
        {
            var outcome = await callbacks.HandleAsync(body, signer.Sign(body), HttpContext.RequestAborted);
            if (outcome != CallbackOutcome.Applied) throw new InvalidOperationException($"The sandbox's own callback was refused: {outcome}");
            this.Flash(t[decision == PaymentCallback.Approved ? "Payment.Approved" : "Payment.Declined"]);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A double click: the other request is applying the same payment; the order page shows the outcome.
        }
        return Redirect(OrderUrl(page));
    }

    private static string OrderUrl(SandboxPage page) => page.Orders.Count == 1 ? $"/orders/{page.Orders[0].Id}" : "/orders";

    private async Task<SandboxPage?> SandboxPageAsync(string reference)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference && p.BuyerId == User.Id());
        if (payment is null) return null;
        var orders = await RedMvc.Domain.Commerce.Checkout.OrdersOfAsync(db, payment);
        var shops = orders.Select(o => o.ShopId).Distinct().ToList();
        var names = await db.Shops.Where(s => shops.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        var payBy = orders.Count == 0 ? payment.CreatedAt + Order.PaymentWindow : orders.Min(o => o.PaymentDueAt);
        var canPay = payment.Status == PaymentStatus.Pending && clock.GetUtcNow().UtcDateTime < payBy && orders.All(o => o.Status == OrderStatus.PendingPayment);
        return new SandboxPage(payment.Reference, payment.AmountFen, payment.Status,
            orders.Select(o => new SandboxOrder(o.Id, o.Number, names[o.ShopId], o.TotalFen, o.Status)).ToList(), payBy, canPay);
    }
}
