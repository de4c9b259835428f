using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Web.Features.Addresses;
using RedMvc.Web.Features.Cart;
using RedMvc.Web.Infrastructure;
using RedMvc.Workers.Commerce;
using PlaceOrders = RedMvc.Domain.Commerce.Checkout;

namespace RedMvc.Web.Features.Checkout;

/// <summary>Places the cart as one order per shop and sends the buyer to pay. Prices and stock are checked again as it places.</summary>
[Authorize(Policy = Policies.ConfirmedEmail)]
public class CheckoutController(
    AppDbContext db,
    CartQueries cart,
    IPaymentGateway gateway,
    IOptions<ShippingRule> shipping,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private string BuyerId => User.Id()!;

    [HttpGet("/checkout")]
    public async Task<IActionResult> Index(long? address)
    {
        var page = await PageAsync(address, problem: null);
        return page is null ? Redirect("/cart") : View(page);
    }

    [HttpPost("/checkout"), EnableRateLimiting(RateLimits.Checkout)]
    public async Task<IActionResult> Index(CheckoutForm form)
    {
        if (!Guid.TryParseExact(form.Key, "N", out _)) return BadRequest();
        // The same page submitted again: the orders exist (and the cart is already empty).
        if (await PlaceOrders.FindAsync(db, BuyerId, form.Key!) is { } earlier) return await PayAsync(earlier);

        var address = await db.Addresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == form.AddressId && a.UserId == BuyerId);
        if (address is null) return await AgainAsync(form.AddressId, t["Checkout.ChooseAddress"]);
        var before = await PageAsync(address.Id, problem: null);
        if (before is null) return Redirect("/cart");
        if (before.TotalFen != form.ExpectedTotalFen) return await AgainAsync(address.Id, t["Checkout.PricesChanged"]);

        CheckoutResult result;
        try
        {
            result = await PlaceOrders.PlaceAsync(db, BuyerId, form.Key!, address.Value, await ShoppingCart.LinesAsync(db, BuyerId), shipping.Value, clock.GetUtcNow().UtcDateTime);
        }
        catch (ShopRuleException rule)
        {
            return await AgainAsync(address.Id, t[rule.Key]);
        }
        return result switch
        {
            CheckoutResult.Placed placed => await PayAsync(placed),
            CheckoutResult.SoldOut soldOut => await AgainAsync(address.Id, t["Checkout.SoldOut", NameOf(before, soldOut.VariantId)]),
            CheckoutResult.Unavailable gone => await AgainAsync(address.Id, t["Checkout.Unavailable", NameOf(before, gone.VariantId)]),
            _ => throw new InvalidOperationException(result.GetType().Name),
        };
    }

    private async Task<IActionResult> PayAsync(CheckoutResult.Placed placed) =>
        Redirect(await gateway.StartAsync(placed.Payment));

    /// <summary>The page again with a fresh key, saying what went wrong (nothing was placed).</summary>
    private async Task<IActionResult> AgainAsync(long? addressId, string problem)
    {
        var page = await PageAsync(addressId, problem);
        if (page is null) return Redirect("/cart");
        return View(nameof(Index), page);
    }

    private async Task<CheckoutPage?> PageAsync(long? addressId, string? problem)
    {
        var lines = await cart.CartAsync(BuyerId);
        if (lines.IsEmpty) return null;
        var addresses = await AddressQueries.OfAsync(db, BuyerId);
        var chosen = addresses.FirstOrDefault(a => a.Id == addressId) ?? addresses.FirstOrDefault();
        var shops = lines.Shops.Select(s => new CheckoutShop(s, shipping.Value.FeeFor(s.SubtotalFen))).ToList();
        return new CheckoutPage(shops, addresses, chosen?.Id, Guid.NewGuid().ToString("N"), problem);
    }

    private static string NameOf(CheckoutPage page, long variantId) =>
        page.Shops.SelectMany(s => s.Group.Lines).Where(l => l.VariantId == variantId)
            .Select(l => l.VariantName.Length > 0 ? $"{l.Title} ({l.VariantName})" : l.Title).FirstOrDefault() ?? "";
}
