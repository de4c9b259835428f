namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class ShoppableNoteTests(RedMvcAppFactory site)
{
    /// <summary>Active products of a fresh shop, titled "{prefix} 1", "{prefix} 2"...; returns their ids and first variants.</summary>
    private Task<List<(long Product, long Variant)>> ProductsAsync(string prefix, int count) => site.Services.WithDbAsync(async db =>
    {
        var shop = await db.OpenShopAsync("测试店铺");
        var made = new List<(long, long)>();
        for (var i = 1; i <= count; i++)
        {
            var product = await db.ProductOnSaleAsync(shop.Id, $"{prefix} {i}", description: "");
            made.Add((product.Id, product.Variants[0].Id));
        }
        return made;
    });

    private static Task<Visitor.Page> AttachAsync(Visitor author, string noteUrl, string query, long productId) =>
        author.GetAsync($"{noteUrl}/products?q={Uri.EscapeDataString(query)}").ContinueWith(page =>
            page.Result.SubmitAsync(author.Client, $"{noteUrl}/products/attach", new Dictionary<string, string> { ["productId"] = productId.ToString() })).Unwrap();

    [Fact]
    public async Task An_author_attaches_and_pins_a_product_and_readers_follow_the_pin_to_the_product_with_the_note()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await author.PostNoteAsync();
        var noteId = noteUrl.Split('/').Last();
        var prefix = "保温杯" + Guid.NewGuid().ToString("N")[..4];
        var (productId, _) = (await ProductsAsync(prefix, 1))[0];

        var page = await AttachAsync(author, noteUrl, prefix, productId);
        Assert.Contains($"{prefix} 1", page.Document.QuerySelector(".product-rows")!.TextContent);
        var photoId = page.Document.QuerySelector("input[name=photoId]")!.GetAttribute("value")!;
        await page.SubmitAsync(author.Client, $"{noteUrl}/products/pins",
            new Dictionary<string, string> { ["photoId"] = photoId, ["productId"] = productId.ToString(), ["x"] = "30", ["y"] = "40" });

        var refused = await page.SubmitAsync(author.Client, $"{noteUrl}/products/pins",
            new Dictionary<string, string> { ["photoId"] = photoId, ["productId"] = productId.ToString(), ["x"] = "left", ["y"] = "40" });
        Assert.Contains("A pin must be inside the photo", refused.Text);
        Assert.Single(refused.Document.QuerySelectorAll(".pin-list li"));

        var reader = await site.CreateVisitor().GetAsync(noteUrl);
        var pin = reader.Document.QuerySelector("svg.pins a.pin")!;
        Assert.Equal($"/products/{productId}?note={noteId}", pin.GetAttribute("href"));
        Assert.Contains($"{prefix} 1", reader.Document.QuerySelector(".product-strip")!.TextContent);
        Assert.Contains("¥129.00", reader.Document.QuerySelector(".product-strip")!.TextContent);
    }

    [Fact]
    public async Task Only_the_author_may_tag_a_note_and_a_note_takes_at_most_ten_products()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await author.PostNoteAsync();
        var prefix = "香薰" + Guid.NewGuid().ToString("N")[..4];
        var products = await ProductsAsync(prefix, 11);

        var stranger = await site.ConfirmedMemberAsync(Person.New());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{noteUrl}/products")).StatusCode);

        Visitor.Page page = null!;
        foreach (var (productId, _) in products) page = await AttachAsync(author, noteUrl, prefix, productId);

        Assert.Contains("A note can show at most 10 products.", page.Text);
        Assert.Equal(10, (await site.CreateVisitor().GetAsync(noteUrl)).Document.QuerySelectorAll(".product-strip li").Length);
    }

    [Fact]
    public async Task A_note_written_from_a_review_invitation_shows_as_a_verified_purchase_and_the_link_is_useless_to_anyone_else()
    {
        var person = Person.New();
        var buyer = await site.ConfirmedMemberAsync(person);
        var (productId, variantId) = (await ProductsAsync("台灯" + Guid.NewGuid().ToString("N")[..4], 1))[0];
        var lineId = await DeliveredOrderLineAsync(person.Handle, productId, variantId);

        var form = await buyer.GetAsync($"/notes/new?review={lineId}");
        Assert.Contains("This note will show as a verified purchase.", form.Text);
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "台灯用了一周", ["Channel"] = "home", ["Visibility"] = "Public", ["Action"] = "Publish",
            ["ReviewLineId"] = form.Document.QuerySelector("input[name=ReviewLineId]")!.GetAttribute("value")!,
        };
        var note = await form.SubmitMultipartAsync(buyer.Client, "/notes/new", fields, TestPhotos.Files(1));

        var verified = note.Document.QuerySelector(".verified")!.TextContent;
        Assert.Contains("Verified purchase", verified);
        Assert.Contains("奶白", verified);
        Assert.NotNull(note.Document.QuerySelector($".product-strip a[href='/products/{productId}?note={note.Url.Split('/').Last()}']"));

        var other = await site.ConfirmedMemberAsync(Person.New());
        var stale = await other.GetAsync($"/notes/new?review={lineId}");
        Assert.DoesNotContain("verified purchase", stale.Text);
        Assert.Null(stale.Document.QuerySelector("input[name=ReviewLineId]"));
        fields["Title"] = "冒充测评";
        var forged = await stale.SubmitMultipartAsync(other.Client, "/notes/new", fields, TestPhotos.Files(1));
        Assert.Null(forged.Document.QuerySelector(".verified"));
    }

    private async Task<long> DeliveredOrderLineAsync(string buyerHandle, long productId, long variantId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var buyerId = await db.Users.Where(u => u.Handle == buyerHandle).Select(u => u.Id).SingleAsync();
        var shopId = await db.Products.Where(p => p.Id == productId).Select(p => p.ShopId).SingleAsync();
        var now = DateTime.UtcNow.AddDays(-3);
        var order = Order.Place(buyerId, shopId, $"{Guid.NewGuid():N}:{shopId}", Shops.Home, [new OrderLine(productId, variantId, "台灯", "奶白", 12900, 1, null, null)], 0, now);
        order.MarkPaid("pay_test", now);
        order.Ship("顺丰", "SF1", buyerId, now.AddHours(1));
        order.MarkDelivered(now.AddDays(1));
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Lines[0].Id;
    }
}
