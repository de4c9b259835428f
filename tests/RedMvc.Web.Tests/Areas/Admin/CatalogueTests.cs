using RedMvc.Domain.Moderation;
using RedMvc.Domain.Search;
using RedMvc.Workers.Commerce;

namespace RedMvc.Web.Tests;

/// <summary>Staff on shops, products and orders (/admin/shops, /admin/products, /admin/orders), and what buyers, visitors and the brand see after.</summary>
[Collection(SiteCollection.Name)]
public class CatalogueTests(RedMvcAppFactory site)
{
    private static readonly Dictionary<string, string> NoFields = [];

    /// <summary>A word no other test writes, so search results are this test's alone.</summary>
    private static string Word() => new(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    private sealed record Brand(Visitor Visitor, Person Person, long ShopId, Shopping.Product Product);

    /// <summary>A brand who signs in, with a shop and one product on sale.</summary>
    private async Task<Brand> BrandAsync(string title, int stock = 5)
    {
        var person = Person.New("枫叶生活馆", "b");
        var visitor = await site.MemberWithRoleAsync(person, Roles.Brand);
        var product = await site.Services.WithDbAsync(async db =>
        {
            var owner = await db.Users.SingleAsync(u => u.Email == person.Email);
            var shop = await db.OpenShopAsync(person.DisplayName, owner);
            var onSale = await db.ProductOnSaleAsync(shop.Id, title, "奶白", 12900, stock);
            return new Shopping.Product(shop.Id, onSale.Id, onSale.Variants[0].Id, title, "奶白");
        });
        return new Brand(visitor, person, product.ShopId, product);
    }

    private Task<Visitor> StaffAsync() => site.MemberWithRoleAsync(Person.New(), Roles.Staff);

    private static string? FlashOf(Visitor.Page page) => page.Document.QuerySelector(".flash")?.TextContent;

    /// <summary>The product search results' text once the index has what was written so far (the site's own index job may hold rows it claimed).</summary>
    private async Task<string> ProductSearchAsync(string word, bool expectFound)
    {
        var visitor = site.CreateVisitor();
        for (var attempt = 0; ; attempt++)
        {
            await site.Services.WithDbAsync(async db => { while (await SearchIndexing.DrainAsync(db) > 0) { } });
            var found = string.Join(" ", (await visitor.GetAsync($"/search?q={word}&tab=products")).Document.QuerySelectorAll("[data-product]").Select(e => e.TextContent));
            if (found.Contains(word) == expectFound || attempt == 50) return found;
            await Task.Delay(200);
        }
    }

    private Task<Product> ProductAsync(long id) => site.Services.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<List<Domain.Moderation.StaffAuditEntry>> AuditAsync(string kind, long id) =>
        site.Services.WithDbAsync(db => db.StaffAudit.AsNoTracking().Where(e => e.TargetKind == kind && e.TargetId == id.ToString()).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_reported_product_is_taken_down_from_the_review_desk_its_brand_sees_why_and_restoring_brings_it_back()
    {
        var brand = await BrandAsync("仿冒名牌手袋");
        var reporter = await site.ConfirmedMemberAsync(Person.New());
        var productPage = await reporter.GetAsync($"/products/{brand.Product.ProductId}");
        Assert.NotNull(productPage.Document.QuerySelector($"a[href='/report/product/{brand.Product.ProductId}']"));
        var reported = await reporter.SubmitAsync($"/report/product/{brand.Product.ProductId}", $"/report/product/{brand.Product.ProductId}",
            new Dictionary<string, string> { ["category"] = "ProhibitedGoods", ["details"] = "假货" });
        Assert.Contains("your report was sent", reported.Text);

        var staff = await StaffAsync();
        var target = $"Product:{brand.Product.ProductId}";
        Assert.Contains("仿冒名牌手袋", (await staff.GetAsync("/admin/reports?kind=Product")).Document.QuerySelector($"[data-target='{target}']")!.TextContent);
        var review = $"/admin/reports/Product/{brand.Product.ProductId}";
        await staff.SubmitAsync(review, $"{review}/act", new Dictionary<string, string>
        {
            ["action"] = "Remove", ["rule"] = "ProhibitedGoods", ["reason"] = "Counterfeit goods are not sold here.", ["muteDays"] = "1",
        });

        Assert.Equal(ProductStatus.TakenDown, (await ProductAsync(brand.Product.ProductId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/products/{brand.Product.ProductId}")).Status);
        Assert.Contains("Counterfeit goods are not sold here.", (await brand.Visitor.GetAsync("/brand?tab=takendown")).Text);
        Assert.Equal(ReportOutcome.Removed, await site.Services.WithDbAsync(db => db.Reports.Where(r => r.Target == ReportTarget.Product && r.TargetId == brand.Product.ProductId.ToString()).Select(r => r.Outcome).SingleAsync()));

        await staff.SubmitAsync(review, $"{review}/act", new Dictionary<string, string>
        {
            ["action"] = "Restore", ["rule"] = "ProhibitedGoods", ["reason"] = "The brand showed the receipts.", ["muteDays"] = "1",
        });
        Assert.Equal(ProductStatus.Active, (await ProductAsync(brand.Product.ProductId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync($"/products/{brand.Product.ProductId}")).Status);
    }

    [Fact]
    public async Task A_suspended_shop_sells_nothing_and_shows_nothing_its_owner_sees_why_and_restoring_brings_it_back()
    {
        var word = Word();
        var brand = await BrandAsync($"{word} 保温杯");
        var (buyer, _, checkout) = await site.ReadyToCheckOutAsync(brand.Product);
        Assert.Contains(word, await ProductSearchAsync(word, expectFound: true));
        var staff = await StaffAsync();

        var list = await staff.GetAsync($"/admin/shops?q={brand.Person.Handle}");
        Assert.NotNull(list.Document.QuerySelector($"[data-shop='{brand.Person.Handle}'] a[href='/admin/shops/{brand.ShopId}']"));
        var suspended = await staff.SubmitAsync($"/admin/shops/{brand.ShopId}", $"/admin/shops/{brand.ShopId}/suspend",
            new Dictionary<string, string> { ["reason"] = "Three buyers received counterfeit cups." });
        Assert.Contains("is suspended", FlashOf(suspended));
        Assert.Contains("Three buyers received counterfeit cups.", suspended.Document.QuerySelector("[data-suspension-reason]")!.TextContent);

        var visitor = site.CreateVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/products/{brand.Product.ProductId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/shops/{brand.Person.Handle}")).Status);
        Assert.DoesNotContain(word, await ProductSearchAsync(word, expectFound: false));
        var refused = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        Assert.Contains("is no longer on sale", refused.Text);
        Assert.Empty(await site.Services.WithDbAsync(db => db.Orders.Where(o => o.ShopId == brand.ShopId).ToListAsync()));
        var added = await buyer.PostWithTokenAsync("/cart/add", new() { ["VariantId"] = brand.Product.VariantId.ToString(), ["Quantity"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, added.Status);

        var dashboard = await brand.Visitor.GetAsync("/brand");
        Assert.Contains("Three buyers received counterfeit cups.", dashboard.Document.QuerySelector("[data-shop-suspended]")!.TextContent);
        var withheld = await brand.Visitor.GetAsync("/brand?tab=takendown");
        Assert.Contains("Hidden while your shop is suspended.", withheld.Document.QuerySelector($"[data-product='{brand.Product.ProductId}'] [data-takedown]")!.TextContent);
        var activate = await brand.Visitor.PostWithTokenAsync($"/brand/products/{brand.Product.ProductId}/activate");
        Assert.Contains("Your shop is suspended", FlashOf(activate));
        Assert.Equal(ProductStatus.TakenDown, (await ProductAsync(brand.Product.ProductId)).Status);

        var restored = await staff.SubmitAsync($"/admin/shops/{brand.ShopId}", $"/admin/shops/{brand.ShopId}/restore",
            new Dictionary<string, string> { ["reason"] = "The brand showed its supplier invoices." });
        Assert.Contains("is open again", FlashOf(restored));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/products/{brand.Product.ProductId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/shops/{brand.Person.Handle}")).Status);
        Assert.Contains(word, await ProductSearchAsync(word, expectFound: true));
        Assert.Null((await brand.Visitor.GetAsync("/brand")).Document.QuerySelector("[data-shop-suspended]"));
        var placed = await (await buyer.GetAsync("/checkout")).SubmitAsync(buyer.Client, "/checkout", NoFields);
        Assert.StartsWith("/pay/", placed.Url);
        Assert.Equal(["shop.suspend", "shop.restore"], (await AuditAsync("Shop", brand.ShopId)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_product_taken_down_is_a_404_to_everyone_but_its_brand_who_sees_the_reason_until_staff_restore_it()
    {
        var word = Word();
        var brand = await BrandAsync($"{word} 香皂");
        var other = await BrandAsync("另一款香皂");
        var url = $"/products/{brand.Product.ProductId}";
        var member = await site.ConfirmedMemberAsync(Person.New());
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(url)).Status); // kept for visitors, then evicted
        await member.SubmitAsync($"/report/product/{brand.Product.ProductId}", $"/report/product/{brand.Product.ProductId}",
            new Dictionary<string, string> { ["category"] = "Misleading", ["details"] = "说能治病" });
        var staff = await StaffAsync();

        var takenDown = await staff.SubmitAsync($"/admin/products/{brand.Product.ProductId}", $"/admin/products/{brand.Product.ProductId}/takedown",
            new Dictionary<string, string> { ["reason"] = "Medical claims without a licence." });
        Assert.Contains("is taken down", FlashOf(takenDown));
        // The report is answered by the takedown, not left in the queue to be acted on (and its brand struck) again.
        Assert.Equal(ReportOutcome.Removed, await site.Services.WithDbAsync(db => db.Reports
            .Where(r => r.Target == ReportTarget.Product && r.TargetId == brand.Product.ProductId.ToString()).Select(r => r.Outcome).SingleAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).Status);
        Assert.DoesNotContain(word, await ProductSearchAsync(word, expectFound: false));
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostWithTokenAsync("/cart/add", new() { ["VariantId"] = brand.Product.VariantId.ToString(), ["Quantity"] = "1" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync($"/products/{other.Product.ProductId}")).Status); // the rest of the catalogue is untouched

        var own = await brand.Visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("taken down by the RedMvc team", own.Text);
        var list = await brand.Visitor.GetAsync("/brand?tab=takendown");
        Assert.Contains("Medical claims without a licence.", list.Document.QuerySelector($"[data-product='{brand.Product.ProductId}'] [data-takedown]")!.TextContent);
        var edit = await brand.Visitor.GetAsync($"/brand/products/{brand.Product.ProductId}/edit");
        Assert.Contains("Medical claims without a licence.", edit.Document.QuerySelector("[data-takedown]")!.TextContent);
        Assert.Null(edit.Document.QuerySelector($"form[action='/brand/products/{brand.Product.ProductId}/activate']"));
        var forced = await brand.Visitor.PostWithTokenAsync($"/brand/products/{brand.Product.ProductId}/activate");
        Assert.Contains("took this product down", FlashOf(forced));
        Assert.Equal(ProductStatus.TakenDown, (await ProductAsync(brand.Product.ProductId)).Status);

        var restored = await staff.SubmitAsync($"/admin/products/{brand.Product.ProductId}", $"/admin/products/{brand.Product.ProductId}/restore",
            new Dictionary<string, string> { ["reason"] = "The claims were removed from the description." });
        Assert.Contains("is restored", FlashOf(restored));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(url)).Status);
        var product = await ProductAsync(brand.Product.ProductId);
        Assert.Equal((ProductStatus.Active, (string?)null), (product.Status, product.TakedownReason));
        Assert.Equal(["product.takedown", "product.restore"], (await AuditAsync("Product", brand.Product.ProductId)).Select(e => e.Action));
    }

    /// <summary>A buyer who placed and paid one order for the product; the paid order's fulfil job then runs in the site's job server.</summary>
    private async Task<(Visitor Buyer, Person Person, Order Order)> PaidOrderAsync(Shopping.Product product)
    {
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product);
        var pay = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        await pay.SubmitAsync(buyer.Client, pay.Url, new Dictionary<string, string> { ["decision"] = "approved" });
        return (buyer, person, Assert.Single(await site.OrdersOfAsync(person)));
    }

    private async Task WaitForAsync(long orderId, OrderStatus status)
    {
        for (var waited = 0; await site.Services.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()) != status; waited++)
        {
            if (waited == 150) throw new TimeoutException($"The order did not reach {status}.");
            await Task.Delay(200);
        }
    }

    private Task<Order> OrderAsync(long id) =>
        site.Services.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Timeline).SingleAsync(o => o.Id == id));

    private static Task<Visitor.Page> RefundAsync(Visitor staff, long orderId, string reason) =>
        staff.PostWithTokenAsync($"/admin/orders/{orderId}/refund", new() { ["reason"] = reason });

    [Fact]
    public async Task Staff_refund_a_delivered_order_through_the_lifecycle_and_the_buyer_is_told_once()
    {
        var brand = await BrandAsync("退款保温杯", stock: 4);
        var (buyer, person, order) = await PaidOrderAsync(brand.Product);
        await WaitForAsync(order.Id, OrderStatus.Processing);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var lifecycle = scope.ServiceProvider.GetRequiredService<OrderLifecycle>();
            await lifecycle.ShipAsync(order.Id, "顺丰", "SF1234567890", "brand", default);
            await lifecycle.MarkDeliveredAsync(order.Id);
        }
        var staff = await StaffAsync();

        var page = await staff.GetAsync($"/admin/orders/{order.Id}");
        Assert.Equal("Delivered", page.Document.QuerySelector("[data-status]")!.TextContent);
        var refunded = await page.SubmitAsync(staff.Client, $"/admin/orders/{order.Id}/refund", new Dictionary<string, string> { ["reason"] = "The parcel arrived crushed; the brand does not answer." });

        Assert.Contains($"Order {order.Number} is refunded", FlashOf(refunded));
        Assert.Equal("Refunded", refunded.Document.QuerySelector("[data-status]")!.TextContent);
        Assert.Contains("Issued", refunded.Document.QuerySelector("[data-refund]")!.TextContent);
        Assert.Null(refunded.Document.QuerySelector($"form[action='/admin/orders/{order.Id}/refund']"));
        var stored = await OrderAsync(order.Id);
        Assert.Equal(OrderStatus.Refunded, stored.Status);
        Assert.NotNull(stored.RefundIssuedAt);
        Assert.Equal(["Order.Timeline.RefundedByStaff", "Order.Timeline.RefundIssued"], stored.Timeline.OrderBy(e => e.Id).TakeLast(2).Select(e => e.Note));
        Assert.Equal(3, await site.StockAsync(brand.Product)); // the cup was delivered: nothing comes back to the shelf
        var timeline = (await buyer.GetAsync($"/orders/{order.Id}")).Document.QuerySelector(".timeline")!.TextContent;
        Assert.Contains("Refunded by the RedMvc team.", timeline);
        var mail = await site.Mailbox.WaitForAsync(person.Email, $"Refund for order {order.Number}");
        Assert.Contains("is refunded", mail.TextBody);
        var audit = Assert.Single(await AuditAsync("Order", order.Id));
        Assert.Equal(("order.refund", "Delivered", "Refunded", "The parcel arrived crushed; the brand does not answer."), (audit.Action, audit.Before, audit.After, audit.Reason));

        var again = await RefundAsync(staff, order.Id, "Pressed twice.");
        Assert.Contains("already refunded", FlashOf(again));
        Assert.Single(await AuditAsync("Order", order.Id));
        Assert.Equal(1, await site.Services.WithDbAsync(db => db.EmailOutbox.CountAsync(m => m.Purpose == "order-refunded" && m.SubjectId == order.Id.ToString())));
    }

    [Fact]
    public async Task A_refund_before_shipping_puts_the_stock_back_and_an_unpaid_order_is_refused_with_a_message()
    {
        var brand = await BrandAsync("未发货退款杯", stock: 5);
        var (_, _, paid) = await PaidOrderAsync(brand.Product);
        var (unpaidBuyer, unpaidPerson, checkout) = await site.ReadyToCheckOutAsync(brand.Product);
        await checkout.SubmitAsync(unpaidBuyer.Client, "/checkout", NoFields);
        var unpaid = Assert.Single(await site.OrdersOfAsync(unpaidPerson));
        Assert.Equal(3, await site.StockAsync(brand.Product));
        var staff = await StaffAsync();

        var refused = await RefundAsync(staff, unpaid.Id, "Buyer asked by phone.");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("was never paid", FlashOf(refused));
        Assert.Null(refused.Document.QuerySelector($"form[action='/admin/orders/{unpaid.Id}/refund']"));
        Assert.Equal(OrderStatus.PendingPayment, (await OrderAsync(unpaid.Id)).Status);

        var refunded = await RefundAsync(staff, paid.Id, "The brand cannot ship it.");
        Assert.Contains("is refunded", FlashOf(refunded));
        var stored = await OrderAsync(paid.Id);
        Assert.Equal(OrderStatus.Refunded, stored.Status);
        Assert.NotNull(stored.RefundIssuedAt);
        Assert.Equal(4, await site.StockAsync(brand.Product));
        Assert.Empty(await AuditAsync("Order", unpaid.Id));
    }

    [Fact]
    public async Task Staff_find_an_order_by_its_number_its_buyer_or_its_shop_and_see_its_lines_payments_and_timeline()
    {
        var brand = await BrandAsync("查单保温杯");
        var (_, person, order) = await PaidOrderAsync(brand.Product);
        var staff = await StaffAsync();

        var byNumber = await staff.GetAsync($"/admin/orders?q={order.Number.ToLowerInvariant()}");
        Assert.Equal($"/admin/orders/{order.Id}", byNumber.Url);
        Assert.Contains("查单保温杯", byNumber.Document.QuerySelector("[data-lines]")!.TextContent);
        var payment = byNumber.Document.QuerySelector("[data-payments]")!.TextContent;
        Assert.Contains(order.PaymentReference!, payment);
        Assert.Contains("Approved", payment);
        Assert.Contains("Paid", byNumber.Document.QuerySelector("[data-timeline]")!.TextContent);
        foreach (var query in new[] { "@" + person.Handle, person.Email, brand.Person.Handle })
        {
            var found = await staff.GetAsync($"/admin/orders?q={Uri.EscapeDataString(query)}");
            Assert.NotNull(found.Document.QuerySelector($"[data-order='{order.Number}'] a[href='/admin/orders/{order.Id}']"));
        }
        Assert.Contains("No order matches", (await staff.GetAsync("/admin/orders?q=nobody-at-all")).Text);
        Assert.NotNull((await staff.GetAsync($"/admin/shops/{brand.ShopId}")).Document.QuerySelector($"[data-orders] a[href='/admin/orders/{order.Id}']"));
    }

    [Fact]
    public async Task Each_action_without_a_reason_changes_nothing_and_says_so_and_unknown_ids_are_404()
    {
        var brand = await BrandAsync("无理由杯");
        var (_, _, order) = await PaidOrderAsync(brand.Product);
        var member = Person.New();
        await site.ConfirmedMemberAsync(member);
        var staff = await StaffAsync();

        foreach (var (page, action) in new[]
        {
            ($"/admin/shops/{brand.ShopId}", $"/admin/shops/{brand.ShopId}/suspend"),
            ($"/admin/products/{brand.Product.ProductId}", $"/admin/products/{brand.Product.ProductId}/takedown"),
            ($"/admin/orders/{order.Id}", $"/admin/orders/{order.Id}/refund"),
            ($"/admin/shops?member={member.Handle}", "/admin/shops/grant"),
        })
        {
            var result = await staff.SubmitAsync(page, action, new Dictionary<string, string> { ["reason"] = " \u200B " });
            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Equal("Write the reason: the member and the audit log will see it.", FlashOf(result));
        }
        Assert.Null((await site.Services.WithDbAsync(db => db.Shops.SingleAsync(s => s.Id == brand.ShopId))).SuspendedAt);
        Assert.Equal(ProductStatus.Active, (await ProductAsync(brand.Product.ProductId)).Status);
        Assert.NotEqual(OrderStatus.Refunded, (await OrderAsync(order.Id)).Status);
        Assert.False(await site.Services.WithDbAsync(db => db.Shops.AnyAsync(s => s.Handle == member.Handle)));
        Assert.Empty(await site.Services.WithDbAsync(db => db.StaffAudit.Where(e => e.TargetId == brand.ShopId.ToString() && e.TargetKind == "Shop").ToListAsync()));

        foreach (var url in new[] { "/admin/shops/0/suspend", "/admin/shops/0/restore", "/admin/products/0/takedown", "/admin/products/0/restore", "/admin/orders/0/refund" })
            Assert.Equal(HttpStatusCode.NotFound, (await staff.PostWithTokenAsync(url, new() { ["reason"] = "Checking." })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostWithTokenAsync("/admin/shops/grant", new() { ["handle"] = "no-such-member", ["reason"] = "Checking." })).Status);
        foreach (var url in new[] { "/admin/shops/0", "/admin/products/0", "/admin/orders/0", "/admin/orders/abc" })
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(url)).Status);
        var notDown = await staff.PostWithTokenAsync($"/admin/products/{brand.Product.ProductId}/restore", new() { ["reason"] = "Nothing to restore." });
        Assert.Equal("This product is not taken down.", FlashOf(notDown));
    }
}
