namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class ShopBrandTests(RedMvcAppFactory site)
{
    private record Brand(Visitor Visitor, Person Person, long ShopId);

    /// <summary>A confirmed member given a role directly, signed in again so the cookie carries it.</summary>
    private async Task<(Visitor Visitor, Person Person)> MemberWithRoleAsync(string role)
    {
        var person = Person.New();
        return (await site.MemberWithRoleAsync(person, role), person);
    }

    /// <summary>A brand with its shop, as staff would make one.</summary>
    private async Task<Brand> BrandAsync()
    {
        var (visitor, person) = await MemberWithRoleAsync(Roles.Brand);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == person.Email);
        var shop = new Shop(user.Id, user.Handle, user.DisplayName, DateTime.UtcNow);
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        return new Brand(visitor, person, shop.Id);
    }

    private static Dictionary<string, string> ProductFields(string title, params (string Name, string Price, string CompareAt, string Stock)[] variants)
    {
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Description"] = "软糯亲肤的秋冬毛衣", ["Category"] = "fashion" };
        for (var i = 0; i < variants.Length; i++)
        {
            fields[$"Variants[{i}].Name"] = variants[i].Name;
            fields[$"Variants[{i}].Price"] = variants[i].Price;
            fields[$"Variants[{i}].CompareAt"] = variants[i].CompareAt;
            fields[$"Variants[{i}].Stock"] = variants[i].Stock;
        }
        return fields;
    }

    private static async Task<Visitor.Page> CreateProductAsync(Brand brand, Dictionary<string, string> fields, int photos = 1)
    {
        var form = await brand.Visitor.GetAsync("/brand/products/new");
        return await form.SubmitMultipartAsync(brand.Visitor.Client, "/brand/products/new", fields, TestPhotos.Files(photos));
    }

    private static long IdOf(Visitor.Page page) => long.Parse(page.Url.Split('/')[3]);

    private static async Task<long> ActiveProductAsync(Brand brand, string title, params (string, string, string, string)[] variants)
    {
        var created = await CreateProductAsync(brand, ProductFields(title, variants));
        var id = IdOf(created);
        await brand.Visitor.SubmitAsync($"/brand/products/{id}/edit", $"/brand/products/{id}/activate", new Dictionary<string, string>());
        return id;
    }

    private static string TokenOf(Visitor.Page page) =>
        page.Form("/account/sign-out").QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    /// <summary>No antiforgery token and no POST form besides the site-wide language switch (which needs none): the page can be cached.</summary>
    private static void AssertCacheable(Visitor.Page page)
    {
        Assert.Empty(page.Document.QuerySelectorAll("input[name='__RequestVerificationToken']"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("form[method='post']"), f => f.GetAttribute("action") != "/language");
    }

    [Fact]
    public async Task Staff_make_a_member_a_brand_and_the_shop_opens_under_the_member_handle_and_name()
    {
        var (staff, _) = await MemberWithRoleAsync(Roles.Staff);
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var found = await staff.GetAsync($"/admin/shops?member={person.Handle}");
        Assert.Contains(person.DisplayName, found.Text);
        var granted = await found.SubmitAsync(staff.Client, "/admin/shops/grant", new Dictionary<string, string> { ["reason"] = "Signed the seller agreement." });

        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.Contains($"/shops/{person.Handle}", granted.Html);
        var shop = await site.Services.WithDbAsync(db => db.Shops.Join(db.Users, s => s.OwnerId, u => u.Id, (s, u) => new { s.Handle, s.Name, u.Email }).SingleAsync(s => s.Email == person.Email));
        Assert.Equal(person.Handle, shop.Handle);
        Assert.Equal(person.DisplayName, shop.Name);
        await member.SignOutAsync();
        await member.SignInAsync(person.Email);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/brand")).Status);
        var shopPage = await site.CreateVisitor().GetAsync($"/shops/{person.Handle}");
        Assert.Contains(person.DisplayName, shopPage.Text);
    }

    [Fact]
    public async Task A_member_who_is_not_staff_can_neither_open_the_brands_page_nor_grant_the_role()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var page = await member.GetAsync("/admin/shops");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        var token = TokenOf(await member.GetAsync("/notes/mine"));
        var response = await member.Client.PostAsync("/admin/shops/grant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["handle"] = person.Handle, ["reason"] = "Because I say so.",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await site.Services.WithDbAsync(db => db.Shops.AnyAsync(s => s.Handle == person.Handle)));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/brand")).Status);
    }

    [Fact]
    public async Task A_brand_creates_a_product_with_variants_that_stays_hidden_until_it_is_put_on_sale()
    {
        var brand = await BrandAsync();

        var created = await CreateProductAsync(brand, ProductFields("羊毛开衫", ("奶白 / M", "129.00", "159.00", "12"), ("黑 / L", "99.5", "", "0")));

        Assert.Matches(@"^/brand/products/\d+/edit$", created.Url);
        var id = IdOf(created);
        var variants = await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.ProductId == id).OrderBy(v => v.Id).ToListAsync());
        Assert.Equal([12900L, 9950L], variants.Select(v => v.PriceFen));
        Assert.Equal(15900, variants[0].CompareAtFen);
        Assert.Equal([12, 0], variants.Select(v => v.Stock));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/products/{id}")).Status);
        Assert.Contains("not on sale yet", (await brand.Visitor.GetAsync($"/products/{id}")).Text);
        Assert.DoesNotContain("羊毛开衫", (await brand.Visitor.GetAsync($"/shops/{brand.Person.Handle}")).Text); // signed in: never from the visitor cache

        await brand.Visitor.SubmitAsync($"/brand/products/{id}/edit", $"/brand/products/{id}/activate", new Dictionary<string, string>());

        var page = await site.CreateVisitor().GetAsync($"/products/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("¥129.00", page.Document.QuerySelector(".price__now")!.TextContent.Trim());
        Assert.Contains("¥159.00", page.Document.QuerySelector("s.price__was")!.TextContent);
        var shopPage = await site.CreateVisitor().GetAsync($"/shops/{brand.Person.Handle}");
        Assert.Contains("羊毛开衫", shopPage.Text);
        Assert.Contains("¥99.50", shopPage.Text);
    }

    [Fact]
    public async Task A_price_with_three_decimals_is_refused_next_to_its_row_and_nothing_is_stored()
    {
        var brand = await BrandAsync();

        var page = await CreateProductAsync(brand, ProductFields("坏价格", ("M", "12.345", "", "1")));

        Assert.Equal("/brand/products/new", page.Url);
        Assert.NotNull(page.FieldError("Variants[0].Price"));
        Assert.Equal(0, await site.Services.WithDbAsync(db => db.Products.CountAsync(p => p.ShopId == brand.ShopId)));
    }

    [Fact]
    public async Task A_stock_adjustment_records_who_and_why_and_never_takes_stock_below_zero()
    {
        var brand = await BrandAsync();
        var id = IdOf(await CreateProductAsync(brand, ProductFields("保温杯", ("", "89.00", "", "5"))));
        var variantId = await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.ProductId == id).Select(v => v.Id).SingleAsync());
        var url = $"/brand/products/{id}/stock";

        var added = await brand.Visitor.SubmitAsync(url, url, new Dictionary<string, string> { ["variantId"] = variantId.ToString(), ["delta"] = "7", ["reason"] = "到货补充" });
        var refused = await brand.Visitor.SubmitAsync(url, url, new Dictionary<string, string> { ["variantId"] = variantId.ToString(), ["delta"] = "-13", ["reason"] = "盘点" });

        Assert.Equal("12", added.Document.QuerySelector($"[data-variant='{variantId}'] [data-stock]")!.TextContent.Trim());
        Assert.Contains("cannot go below zero", refused.Text);
        Assert.Equal(12, await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync()));
        var brandUserId = await site.Services.WithDbAsync(db => db.Users.Where(u => u.Email == brand.Person.Email).Select(u => u.Id).SingleAsync());
        var ledger = await site.Services.WithDbAsync(db => db.StockAdjustments.Where(a => a.VariantId == variantId).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([5, 7], ledger.Select(a => a.Delta));
        Assert.Equal(12, ledger[^1].StockAfter);
        Assert.Equal("到货补充", ledger[^1].Reason);
        Assert.All(ledger, a => Assert.Equal(brandUserId, a.ByUserId));
        var rows = refused.Document.QuerySelectorAll(".ledger__row");
        Assert.Equal(2, rows.Length);
        Assert.Contains("到货补充", rows[0].TextContent);
        Assert.Contains(brand.Person.DisplayName, rows[0].TextContent);
    }

    [Fact]
    public async Task A_brand_cannot_see_or_change_another_brands_product()
    {
        var owner = await BrandAsync();
        var other = await BrandAsync();
        var id = IdOf(await CreateProductAsync(owner, ProductFields("私家款", ("", "50.00", "", "3"))));
        var variantId = await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.ProductId == id).Select(v => v.Id).SingleAsync());
        var token = TokenOf(await other.Visitor.GetAsync("/brand"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.Visitor.GetAsync($"/brand/products/{id}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Visitor.GetAsync($"/brand/products/{id}/stock")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Visitor.GetAsync($"/products/{id}")).Status);
        foreach (var (action, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"/brand/products/{id}/edit", new() { ["Title"] = "改掉", ["Category"] = "food", ["Variants[0].Price"] = "1.00" }),
            ($"/brand/products/{id}/activate", []),
            ($"/brand/products/{id}/archive", []),
            ($"/brand/products/{id}/stock", new() { ["variantId"] = variantId.ToString(), ["delta"] = "-3", ["reason"] = "偷偷" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            var response = await other.Visitor.Client.PostAsync(action, new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var product = await site.Services.WithDbAsync(db => db.Products.Include(p => p.Variants).SingleAsync(p => p.Id == id));
        Assert.Equal("私家款", product.Title);
        Assert.Equal(ProductStatus.Draft, product.Status);
        Assert.Equal(3, product.Variants.Single().Stock);
        Assert.DoesNotContain("私家款", (await other.Visitor.GetAsync("/brand?tab=draft")).Text);
    }

    [Fact]
    public async Task The_variant_picker_works_without_script_and_shows_the_chosen_price_and_stock_state()
    {
        var brand = await BrandAsync();
        var id = await ActiveProductAsync(brand, "帆布包", ("米白", "59.00", "79.00", "3"), ("墨绿", "69.00", "", "0"), ("藏青", "49.90", "", "20"));
        var variants = await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.ProductId == id).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync());
        var visitor = site.CreateVisitor();

        var first = await visitor.GetAsync($"/products/{id}");
        var soldOutLink = first.Document.QuerySelector($"a[data-variant='{variants[1]}']")!.GetAttribute("href")!;
        var soldOut = await visitor.GetAsync(soldOutLink);
        var plenty = await visitor.GetAsync($"/products/{id}?variant={variants[2]}");

        Assert.Equal("¥59.00", first.Document.QuerySelector(".price__now")!.TextContent.Trim());
        Assert.Equal("Only 3 left", first.Document.QuerySelector("[data-stock]")!.TextContent.Trim());
        Assert.Equal("¥69.00", soldOut.Document.QuerySelector(".price__now")!.TextContent.Trim());
        Assert.Equal("Sold out", soldOut.Document.QuerySelector("[data-stock]")!.TextContent.Trim());
        Assert.Equal("true", soldOut.Document.QuerySelector($"a[data-variant='{variants[1]}']")!.GetAttribute("aria-current"));
        Assert.Equal("¥49.90", plenty.Document.QuerySelector(".price__now")!.TextContent.Trim());
        Assert.Equal("In stock", plenty.Document.QuerySelector("[data-stock]")!.TextContent.Trim());
        AssertCacheable(plenty);
        var signIn = plenty.Document.QuerySelector("[data-sign-in-to-buy]")!.GetAttribute("href")!;
        Assert.Contains(Uri.EscapeDataString($"/products/{id}?variant={variants[2]}"), signIn);
    }

    [Fact]
    public async Task A_member_adds_the_chosen_variant_to_the_cart_with_the_note_they_came_from()
    {
        var brand = await BrandAsync();
        var id = await ActiveProductAsync(brand, "香薰蜡烛", ("雪松", "88.00", "", "9"), ("白茶", "98.00", "", "9"));
        var chosen = await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.ProductId == id).OrderBy(v => v.Id).Select(v => v.Id).Skip(1).FirstAsync());
        var member = await site.ConfirmedMemberAsync(Person.New());

        var page = await member.GetAsync($"/products/{id}?variant={chosen}&note=42");

        var form = page.Form("/cart/add");
        Assert.Equal(chosen.ToString(), form.QuerySelector("input[name='VariantId']")!.GetAttribute("value"));
        Assert.Equal("42", form.QuerySelector("input[name='NoteId']")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("input[name='Quantity']"));
        Assert.NotNull(form.QuerySelector("button[name='BuyNow']"));
    }

    [Fact]
    public async Task The_shop_page_lists_only_products_on_sale_and_carries_no_post_form_for_visitors()
    {
        var brand = await BrandAsync();
        await ActiveProductAsync(brand, "在售围巾", ("", "120.00", "", "4"));
        var archived = await ActiveProductAsync(brand, "旧款手套", ("", "60.00", "", "4"));
        await CreateProductAsync(brand, ProductFields("草稿帽子", ("", "70.00", "", "4")));
        await brand.Visitor.SubmitAsync($"/brand/products/{archived}/edit", $"/brand/products/{archived}/archive", new Dictionary<string, string>());

        var page = await site.CreateVisitor().GetAsync($"/shops/{brand.Person.Handle}");

        var titles = page.Document.QuerySelectorAll(".product-card__title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["在售围巾"], titles);
        Assert.NotNull(page.Document.QuerySelector(".product-card .photo")); // its cover
        AssertCacheable(page);
        var old = await site.CreateVisitor().GetAsync($"/products/{archived}");
        Assert.Equal(HttpStatusCode.OK, old.Status);
        Assert.Contains("no longer available", old.Text);
        Assert.Null(old.Document.QuerySelector("[data-sign-in-to-buy]"));
    }

    /// <summary>A paid order for one unit of the product's first variant, bought by a new member.</summary>
    private async Task<(long OrderId, long VariantId)> PaidOrderAsync(long productId)
    {
        var buyer = Person.New();
        await site.ConfirmedMemberAsync(buyer);
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var buyerId = await db.Users.Where(u => u.Email == buyer.Email).Select(u => u.Id).SingleAsync();
        var variantId = await db.ProductVariants.Where(v => v.ProductId == productId).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var address = new ShippingAddress("张三", "13800138000", "浙江", "杭州", "西湖区", "文三路 1 号");
        var placed = (CheckoutResult.Placed)await Checkout.PlaceAsync(db, buyerId, Guid.NewGuid().ToString("N"), address,
            [new CheckoutLine(variantId, 1, null)], new ShippingRule(), DateTime.UtcNow);
        var order = await db.Orders.SingleAsync(o => o.Id == placed.Orders[0].Id);
        order.MarkPaid(placed.Payment.Reference, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return (order.Id, variantId);
    }

    [Fact]
    public async Task A_brand_ships_a_paid_order_with_carrier_and_tracking_and_another_brand_cannot_touch_it()
    {
        var brand = await BrandAsync();
        var other = await BrandAsync();
        var productId = await ActiveProductAsync(brand, "运动水壶", ("", "39.00", "", "5"));
        var (orderId, _) = await PaidOrderAsync(productId);

        var list = await brand.Visitor.GetAsync("/brand/orders");
        Assert.NotNull(list.Document.QuerySelector($"[data-order='{orderId}']"));
        Assert.Null((await other.Visitor.GetAsync("/brand/orders")).Document.QuerySelector($"[data-order='{orderId}']"));
        var token = TokenOf(await other.Visitor.GetAsync("/brand/orders"));
        var stolen = await other.Visitor.Client.PostAsync($"/brand/orders/{orderId}/ship", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["carrier"] = "顺丰", ["trackingNumber"] = "SF000",
        }));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        await list.SubmitAsync(brand.Visitor.Client, $"/brand/orders/{orderId}/ship", new Dictionary<string, string> { ["carrier"] = "顺丰", ["trackingNumber"] = "SF1234567890" });

        var order = await site.Services.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == orderId));
        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Equal("顺丰", order.Carrier);
        Assert.Equal("SF1234567890", order.TrackingNumber);
    }

    [Fact]
    public async Task A_brand_approves_a_return_with_restock_and_the_stock_comes_back()
    {
        var brand = await BrandAsync();
        var productId = await ActiveProductAsync(brand, "陶瓷杯", ("", "59.00", "", "4"));
        var (orderId, variantId) = await PaidOrderAsync(productId);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var order = await db.Orders.SingleAsync(o => o.Id == orderId);
            var now = DateTime.UtcNow;
            order.Ship("顺丰", "SF1", "staff", now);
            order.MarkDelivered(now);
            order.RequestReturn("杯子有裂纹", now);
            await db.SaveChangesAsync();
        }
        Assert.Equal(3, await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync()));

        var list = await brand.Visitor.GetAsync("/brand/orders");
        Assert.Contains("杯子有裂纹", list.Document.QuerySelector($"[data-order='{orderId}']")!.TextContent);
        await list.SubmitAsync(brand.Visitor.Client, $"/brand/orders/{orderId}/approve-return", new Dictionary<string, string> { ["restock"] = "true" });

        Assert.Equal(OrderStatus.Refunded, await site.Services.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()));
        Assert.Equal(4, await site.Services.WithDbAsync(db => db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync()));
    }

    /// <summary>A public note posted through the real form by a new member; returns its id.</summary>
    private async Task<long> PublishedNoteAsync(string title)
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var form = await author.GetAsync("/notes/new");
        var page = await form.SubmitMultipartAsync(author.Client, "/notes/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Body"] = "用了一个月", ["Channel"] = "home", ["Visibility"] = "Public", ["Action"] = "Publish",
        }, TestPhotos.Files(1));
        return long.Parse(page.Url.Split('/')[2]);
    }

    [Fact]
    public async Task The_product_page_shows_verified_reviews_first_with_their_badge_and_other_notes_after()
    {
        var brand = await BrandAsync();
        var productId = await ActiveProductAsync(brand, "亚麻床品", ("浅灰 / 1.5m", "399.00", "", "9"));
        var (orderId, _) = await PaidOrderAsync(productId);
        var review = await PublishedNoteAsync("床品真实测评");
        var featuring = await PublishedNoteAsync("卧室改造");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.OrderLines.SingleAsync(l => l.OrderId == orderId)).AttachReview(review);
            db.NoteProducts.AddRange(new NoteProduct { NoteId = review, ProductId = productId }, new NoteProduct { NoteId = featuring, ProductId = productId, Position = 1 });
            await db.SaveChangesAsync();
        }

        var page = await site.CreateVisitor().GetAsync($"/products/{productId}");

        var badge = page.Document.QuerySelector($"[data-verified='{review}']")!;
        Assert.StartsWith("Verified purchase · ", badge.TextContent);
        Assert.EndsWith("· 浅灰 / 1.5m", badge.TextContent);
        var noteLinks = page.Document.QuerySelectorAll(".product-notes a[href^='/notes/']").Select(a => a.GetAttribute("href")).Distinct().ToList();
        Assert.Equal([$"/notes/{review}", $"/notes/{featuring}"], noteLinks);
        Assert.Contains("卧室改造", page.Document.QuerySelector(".product-notes .cards")!.TextContent);
    }

    [Fact]
    public async Task Editing_a_product_reprices_a_variant_adds_one_from_a_blank_row_and_removes_a_photo()
    {
        var brand = await BrandAsync();
        var id = IdOf(await CreateProductAsync(brand, ProductFields("针织帽", ("M", "99.00", "", "5")), photos: 2));
        var (variantId, photoIds) = await site.Services.WithDbAsync(async db => (
            await db.ProductVariants.Where(v => v.ProductId == id).Select(v => v.Id).SingleAsync(),
            await db.ProductPhotos.Where(p => p.ProductId == id).OrderBy(p => p.Position).Select(p => p.Id).ToListAsync()));
        var edit = await brand.Visitor.GetAsync($"/brand/products/{id}/edit");
        var blankRow = edit.Document.QuerySelectorAll("input[name$='.Price']").Select(i => i.GetAttribute("name")!).First(n => n != "Variants[0].Price").Split('.')[0];

        var saved = await edit.SubmitMultipartAsync(brand.Visitor.Client, $"/brand/products/{id}/edit", new Dictionary<string, string>
        {
            ["Title"] = "针织帽", ["Description"] = "", ["Category"] = "fashion",
            ["Variants[0].Id"] = variantId.ToString(), ["Variants[0].Price"] = "89.00", ["Variants[0].CompareAt"] = "99.00",
            [$"{blankRow}.Name"] = "L", [$"{blankRow}.Price"] = "109", [$"{blankRow}.Stock"] = "2",
            ["RemovePhotoIds"] = photoIds[0].ToString(),
        }, []);

        Assert.Equal($"/brand/products/{id}/edit", saved.Url);
        var product = await site.Services.WithDbAsync(db => db.Products.Include(p => p.Variants).Include(p => p.Photos).SingleAsync(p => p.Id == id));
        Assert.Equal([("M", 8900L, (long?)9900, 5), ("L", 10900L, null, 2)], product.Variants.OrderBy(v => v.Id).Select(v => (v.Name, v.PriceFen, v.CompareAtFen, v.Stock)));
        Assert.Equal([photoIds[1]], product.Photos.Select(p => p.Id));
        var added = product.Variants.Single(v => v.Name == "L").Id;
        var opening = await site.Services.WithDbAsync(db => db.StockAdjustments.SingleAsync(a => a.VariantId == added));
        Assert.Equal((2, 2, "Opening stock"), (opening.Delta, opening.StockAfter, opening.Reason));
    }
}
