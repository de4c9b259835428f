using System.Globalization;
using Microsoft.AspNetCore.Identity;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;

namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class TimeZoneJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task A_buyer_whose_browser_is_in_new_york_reads_order_times_in_new_york_time()
    {
        var buyer = await MemberAsync("Buyer");
        var order = await OrderOfAsync(buyer, await MemberAsync("Brand", Roles.Brand));
        var newYork = TimeZoneInfo.ConvertTimeFromUtc(order.PlacedAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var page = await site.NewPageAsync(timezoneId: "America/New_York");
        await page.GotoAsync("/account/sign-in"); // the first page tells the site the browser's zone
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(buyer.Email!);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Members.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Account menu", new() { Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync($"/orders/{order.Id}");
        await Expect(page.GetByText($"Placed {newYork}")).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline time").First).ToHaveTextAsync(newYork);

        await page.GotoAsync("/settings/profile");
        await Expect(page.Locator("select[name='TimeZone'] option").First).ToHaveTextAsync("Use my browser's time zone (now America/New_York)");
    }

    private Task<AppUser> MemberAsync(string name, params string[] roles) =>
        site.Services.WithDbAsync(db => db.AddMemberAsync(Person.New($"{name} {Guid.NewGuid().ToString("N")[..4]}", "z"), password: Members.Password, roles: roles));

    /// <summary>An order placed just now by the buyer at the brand's shop, waiting for payment.</summary>
    private Task<Order> OrderOfAsync(AppUser buyer, AppUser brand) =>
        site.Services.WithDbAsync(async db =>
        {
            var shop = await db.OpenShopAsync(owner: brand);
            var product = await db.ProductOnSaleAsync(shop.Id, title: "时区杯", stock: 5);
            var placed = Assert.IsType<CheckoutResult.Placed>(await Checkout.PlaceAsync(db, buyer.Id, Guid.NewGuid().ToString("N"), Shops.Home,
                [new CheckoutLine(product.Variants[0].Id, 1, null)], new ShippingRule(), DateTime.UtcNow));
            return placed.Orders.Single();
        });
}
