using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using static Microsoft.Playwright.Assertions;

namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class TimeZoneJourneyTests(BrowserSite site)
{
    private const string Password = "time-zone-pass-2026";

    [Fact]
    public async Task A_buyer_whose_browser_is_in_new_york_reads_order_times_in_new_york_time()
    {
        var buyer = await MemberAsync("Buyer");
        var order = await OrderOfAsync(buyer, await MemberAsync("Brand"));
        var newYork = TimeZoneInfo.ConvertTimeFromUtc(order.PlacedAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var page = await site.NewPageAsync(timezoneId: "America/New_York");
        await page.GotoAsync("/account/sign-in"); // the first page tells the site the browser's zone
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(buyer.Email!);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Account menu", new() { Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync($"/orders/{order.Id}");
        await Expect(page.GetByText($"Placed {newYork}")).ToBeVisibleAsync();
        await Expect(page.Locator(".timeline time").First).ToHaveTextAsync(newYork);

        await page.GotoAsync("/settings/profile");
        await Expect(page.Locator("select[name='TimeZone'] option").First).ToHaveTextAsync("Use my browser's time zone (now America/New_York)");
    }

    private async Task<AppUser> MemberAsync(string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var handle = "z" + Guid.NewGuid().ToString("N")[..9];
        var user = new AppUser { UserName = handle, Handle = handle, Email = $"{handle}@example.test", EmailConfirmed = true, DisplayName = $"{name} {handle[..4]}", Culture = "en" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Member);
        return user;
    }

    /// <summary>An order placed just now by the buyer at the brand's shop, waiting for payment.</summary>
    private async Task<Order> OrderOfAsync(AppUser buyer, AppUser brand)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var shop = new Shop(brand.Id, brand.Handle, brand.DisplayName, now);
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        var product = Product.Draft(shop.Id, "时区杯", "纽约时间", "home", now);
        var variant = product.AddVariant("白", 5900, null, 5);
        product.AddPhoto(new ProductPhoto($"originals/tz-{Guid.NewGuid():N}", 0));
        product.Activate(now);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        var address = new ShippingAddress("王小红", "13800138000", "上海", "上海市", "徐汇区", "武康路 100 号");
        var placed = Assert.IsType<CheckoutResult.Placed>(await Checkout.PlaceAsync(db, buyer.Id, Guid.NewGuid().ToString("N"), address,
            [new CheckoutLine(variant.Id, 1, null)], new ShippingRule(), now));
        return placed.Orders.Single();
    }
}
