using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Workers.Commerce;
using PlaceOrders = RedMvc.Domain.Commerce.Checkout;

namespace RedMvc.Web.Features.Checkout;

/// <summary>Places the cart as one order per shop and sends the buyer to pay. Prices and stock are checked again as it places.</summary>
[Authorize(Policy = Policies.ConfirmedEmail)]
public class CheckoutController(
    AppDbContext db,
    CartLines cart,
    IPaymentGateway gateway,
    OrderLifecycle lifecycle,
    IOptions<ShippingRule> shipping,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private string BuyerId => User.Id()!;

    /// <summary>The stock shown on the bought products' pages changed.</summary>
    private async Task StockTakenAsync(IEnumerable<CheckoutLine> lines, PublicPages pages)
    {
        var variantIds = lines.Select(l => l.VariantId).ToList();
        var products = await db.ProductVariants.Where(v => variantIds.Contains(v.Id))
            .Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new { p.Id, p.ShopId }).Distinct().ToListAsync();
        foreach (var product in products) await pages.ProductChangedAsync(product.Id, product.ShopId);
    }

    [HttpGet("/checkout")]
    public async Task<IActionResult> Index(long? address, long? only)
    {
        var page = await PageAsync(address, problem: null, only);
        return page is null ? Redirect("/cart") : View(page);
    }

    [HttpPost("/checkout"), EnableRateLimiting(RateLimits.Checkout)]
    public async Task<IActionResult> Index(CheckoutForm form, [FromServices] PublicPages pages)
    {
        if (!Guid.TryParseExact(form.Key, "N", out _)) return BadRequest();
        // The same page submitted again: the orders exist (and the cart is already empty).
        if (await PlaceOrders.FindAsync(db, BuyerId, form.Key!) is { } earlier) return await PayAsync(earlier);

        var address = await db.Addresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == form.AddressId && a.UserId == BuyerId);
        if (address is null) return await AgainAsync(form.AddressId, t["Checkout.ChooseAddress"], form.Only);
        var before = await PageAsync(address.Id, problem: null, form.Only);
        if (before is null) return Redirect("/cart");
        if (before.Shops.SelectMany(s => s.Group.Lines).FirstOrDefault(l => !l.CanBuy) is { } problem)
            return await AgainAsync(address.Id, Problem(before, problem.VariantId, problem.State == CartLineState.Unavailable), form.Only);
        if (before.TotalFen != form.ExpectedTotalFen) return await AgainAsync(address.Id, t["Checkout.PricesChanged"], form.Only);
        var lines = (await ShoppingCart.LinesAsync(db, BuyerId)).Where(l => form.Only is null || l.VariantId == form.Only).ToList();

        CheckoutResult result;
        try
        {
            result = await PlaceOrders.PlaceAsync(db, BuyerId, form.Key!, address.Value, lines, shipping.Value, clock.GetUtcNow().UtcDateTime);
        }
        catch (ShopRuleException rule)
        {
            return await AgainAsync(address.Id, t[rule.Key], form.Only);
        }
        if (result is CheckoutResult.Placed) await StockTakenAsync(lines, pages);
        return result switch
        {
            CheckoutResult.Placed placed => await PayAsync(placed),
            // Another buyer took the last units between our look at the stock and the reservation.
            CheckoutResult.SoldOut soldOut => await AgainAsync(address.Id, Problem(before, soldOut.VariantId, unavailable: false), form.Only),
            CheckoutResult.Unavailable gone => await AgainAsync(address.Id, Problem(before, gone.VariantId, unavailable: true), form.Only),
            _ => throw new InvalidOperationException(result.GetType().Name),
        };
    }

    /// <summary>
    /// Starts the payment timers and the "please pay" email, also for a repeated submit: if the
    /// first request died right after placing, this finishes its work (both are safe to repeat).
    /// </summary>
    private async Task<IActionResult> PayAsync(CheckoutResult.Placed placed)
    {
        await lifecycle.PlacedAsync(placed.Orders.Select(o => o.Id));
        return Redirect(await gateway.StartAsync(placed.Payment));
    }

    /// <summary>The page again with a fresh key, saying what went wrong (nothing was placed).</summary>
    private async Task<IActionResult> AgainAsync(long? addressId, string problem, long? only)
    {
        var page = await PageAsync(addressId, problem, only);
        if (page is null) return Redirect("/cart");
        return View(nameof(Index), page);
    }

    /// <summary>The cart as it will be placed, or only the "buy now" variant's line; null when there is nothing to place.</summary>
    private async Task<CheckoutPage?> PageAsync(long? addressId, string? problem, long? only)
    {
        var groups = (await cart.ByShopAsync(BuyerId))
            .Select(s => only is null ? s : s with { Lines = s.Lines.Where(l => l.VariantId == only).ToList() })
            .Where(s => s.Lines.Count > 0).ToList();
        if (groups.Count == 0) return null;
        var addresses = await SavedAddresses.OfAsync(db, BuyerId);
        var chosen = addresses.FirstOrDefault(a => a.Id == addressId) ?? addresses.FirstOrDefault();
        var shops = groups.Select(s => new CheckoutShop(s, shipping.Value.FeeFor(s.SubtotalFen))).ToList();
        return new CheckoutPage(shops, addresses, chosen?.Id, Guid.NewGuid().ToString("N"), problem) { Only = only };
    }

    private string Problem(CheckoutPage page, long variantId, bool unavailable)
    {
        var name = page.Shops.SelectMany(s => s.Group.Lines).Where(l => l.VariantId == variantId)
            .Select(l => l.VariantName.Length > 0 ? $"{l.Title} ({l.VariantName})" : l.Title).FirstOrDefault() ?? "";
        return t[unavailable ? "Checkout.Unavailable" : "Checkout.SoldOut", name];
    }
}
