using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;

namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class ShopJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task A_buyer_goes_from_a_pin_in_a_note_to_a_paid_order_and_sees_it_shipped_by_the_brand_with_the_email()
    {
        var brand = await MemberAsync("Brand", Roles.Brand);
        var author = await MemberAsync("Author");
        var buyer = await MemberAsync("Buyer");
        var (productId, variantId) = await ProductOfAsync(brand);
        var noteId = await NoteWithPinAsync(author.Id, productId);

        var page = await site.SignedInPageAsync(buyer.Email!);
        await page.GotoAsync($"/notes/{noteId}");
        await page.Locator("svg.pins a.pin").First.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/products/{productId}?note={noteId}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("旅行保温杯");
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("shop-product.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/cart");
        await Expect(page.Locator("[data-subtotal]")).ToHaveTextAsync("¥89.00");
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("shop-cart.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Check out", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a new address", Exact = true }).ClickAsync();
        await page.GetByLabel("Recipient", new() { Exact = true }).FillAsync("王小明");
        await page.GetByLabel("Mobile number", new() { Exact = true }).FillAsync("13800138000");
        await page.GetByLabel("Province", new() { Exact = true }).FillAsync("上海市");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("上海市");
        await page.GetByLabel("District", new() { Exact = true }).FillAsync("徐汇区");
        await page.GetByLabel("Street address", new() { Exact = true }).FillAsync("漕溪北路 88 号 5 楼");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/checkout"));
        await Expect(page.Locator("[data-total]")).ToHaveTextAsync("¥99.00"); // ¥89.00 and ¥10.00 shipping below the free-shipping line
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/pay/sandbox/"));
        await Expect(page.Locator("[data-amount]")).ToHaveTextAsync("¥99.00");
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("shop-payment.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve payment", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/orders/\d+"));
        var orderUrl = page.Url;
        // The fulfilment job may already have moved it on to Processing: the timeline shows it was paid either way.
        await Expect(page.Locator(".timeline__item strong").Filter(new() { HasTextString = "Paid" })).ToBeVisibleAsync();
        await Expect(page.Locator(".mine__head [data-status]")).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(Paid|Processing)$"));

        var brandPage = await site.SignedInPageAsync(brand.Email!);
        await brandPage.GotoAsync("/brand/orders");
        var order = brandPage.Locator("li.brand-order").Filter(new() { HasTextString = "王小明" });
        await order.GetByLabel("Carrier", new() { Exact = true }).FillAsync("顺丰速运");
        await order.GetByLabel("Tracking number", new() { Exact = true }).FillAsync("SF1234567890");
        await order.GetByRole(AriaRole.Button, new() { Name = "Mark shipped", Exact = true }).ClickAsync();
        await Expect(brandPage.Locator("li.brand-order").Filter(new() { HasTextString = "SF1234567890" })).ToContainTextAsync("Shipped");

        await page.GotoAsync(orderUrl);
        await Expect(page.Locator(".mine__head [data-status]")).ToHaveAttributeAsync("data-status", "Shipped");
        await Expect(page.Locator("main")).ToContainTextAsync("Shipped with 顺丰速运, tracking number SF1234567890");
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("shop-order-shipped.png"), FullPage = true });

        var shippedEmail = await site.Mailbox.WaitForAsync(buyer.Email!, m => m.Subject?.EndsWith("is on its way") == true);
        Assert.Contains("SF1234567890", shippedEmail.TextBody);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var line = await db.Orders.Where(o => o.BuyerId == buyer.Id).SelectMany(o => o.Lines).SingleAsync();
        Assert.Equal((variantId, noteId, author.Id), (line.VariantId, line.NoteId, line.CreatorId));
    }

    private Task<AppUser> MemberAsync(string name, params string[] roles) =>
        site.Services.WithDbAsync(db => db.AddMemberAsync(Person.New($"{name} {Guid.NewGuid().ToString("N")[..4]}", "s"), password: Members.Password, roles: roles));

    /// <summary>The brand's shop with one product on sale: one variant, stock 20, a photo still waiting for the pipeline.</summary>
    private Task<(long ProductId, long VariantId)> ProductOfAsync(AppUser brand) => site.Services.WithDbAsync(async db =>
    {
        var shop = await db.OpenShopAsync(brand.DisplayName, brand);
        var product = await db.ProductOnSaleAsync(shop.Id, "旅行保温杯", "500ml / 雾白", 8900, 20, "316 不锈钢内胆，保温 12 小时。", "travel");
        return (product.Id, product.Variants[0].Id);
    });

    private Task<long> NoteWithPinAsync(string authorId, long productId) => site.Services.WithDbAsync(async db =>
    {
        var note = await db.PublishNoteAsync(authorId, "露营必带好物", "这个杯子陪我走了三座山 #露营", "travel");
        db.NoteProducts.Add(new NoteProduct { NoteId = note.Id, ProductId = productId, Position = 0 });
        db.ProductPins.Add(new ProductPin(note.Photos.Single().Id, productId, 0.4, 0.5));
        await db.SaveChangesAsync();
        return note.Id;
    });
}
