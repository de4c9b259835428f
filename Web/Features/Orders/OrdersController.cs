using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Web.Infrastructure;
using RedMvc.Workers.Commerce;

namespace RedMvc.Web.Features.Orders;

/// <summary>The buyer's orders. Another member's order answers 404 to every route.</summary>
[Authorize]
public class OrdersController(OrderQueries queries, IPaymentGateway gateway, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string BuyerId => User.Id()!;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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
}
