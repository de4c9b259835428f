using RedMvc.Workers.Commerce;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class CartCheckoutTests(RedMvcAppFactory site)
{
    private static readonly Dictionary<string, string> NoFields = [];

    private static string LineText(Visitor.Page cart, Shopping.Product product) =>
        cart.Document.QuerySelectorAll(".cart-line").Single(l => l.TextContent.Contains(product.Title)).TextContent;

    [Fact]
    public async Task A_member_adds_changes_and_removes_cart_lines_and_sees_the_subtotal()
    {
        var product = await site.OpenShopAsync(stock: 20, priceFen: 12900, title: "购物车测试杯");
        var member = await site.ConfirmedMemberAsync(Person.New());

        var cart = await member.AddToCartAsync(product, quantity: 2);
        Assert.Equal("/cart", cart.Url);
        Assert.Contains("¥129.00 each", LineText(cart, product));
        Assert.Contains("¥258.00", LineText(cart, product));
        Assert.Equal("¥258.00", cart.Document.QuerySelector("[data-subtotal]")!.TextContent);

        cart = await member.AddToCartAsync(product, quantity: 1); // the same variant again adds to its line
        Assert.Single(cart.Document.QuerySelectorAll(".cart-line"));
        Assert.Equal("¥387.00", cart.Document.QuerySelector("[data-subtotal]")!.TextContent);

        cart = await cart.SubmitAsync(member.Client, $"/cart/{product.VariantId}/quantity", new Dictionary<string, string> { ["quantity"] = "5" });
        Assert.Equal("¥645.00", cart.Document.QuerySelector("[data-subtotal]")!.TextContent);

        cart = await cart.SubmitAsync(member.Client, $"/cart/{product.VariantId}/remove", NoFields);
        Assert.Empty(cart.Document.QuerySelectorAll(".cart-line"));
        Assert.Contains("Your cart is empty", cart.Text);
    }

    [Fact]
    public async Task The_cart_icon_counts_the_items_on_every_page()
    {
        var product = await site.OpenShopAsync(stock: 20, title: "数数的杯子");
        var member = await site.ConfirmedMemberAsync(Person.New());
        Assert.Null((await member.GetAsync("/settings")).Document.QuerySelector("[data-cart-count]"));

        await member.AddToCartAsync(product, quantity: 3);
        var page = await member.GetAsync("/settings");

        Assert.Equal("3", page.Document.QuerySelector("a[href='/cart'] [data-cart-count]")!.TextContent);
        Assert.Equal("Cart, 3 items", page.Document.QuerySelector("a.icon-btn[href='/cart']")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Buy_now_checks_out_that_item_alone_and_leaves_the_rest_of_the_cart()
    {
        var other = await site.OpenShopAsync(stock: 5, priceFen: 1200, title: "留在购物车");
        var product = await site.OpenShopAsync(stock: 5, priceFen: 5900, title: "立即购买测试");
        var member = await site.ConfirmedMemberAsync(Person.New());
        await member.AddAddressAsync();
        await member.AddToCartAsync(other);

        var page = await member.GetAsync($"/products/{product.ProductId}");
        var checkout = await page.SubmitAsync(member.Client, "/cart/add", new Dictionary<string, string> { ["BuyNow"] = "true" });
        Assert.Equal($"/checkout?only={product.VariantId}", checkout.Url);
        Assert.Contains("立即购买测试", checkout.Text);
        Assert.DoesNotContain("留在购物车", checkout.Text);

        await checkout.SubmitAsync(member.Client, "/checkout", new Dictionary<string, string>());
        var cart = await member.GetAsync("/cart");
        Assert.Contains("留在购物车", cart.Text);
        Assert.DoesNotContain("立即购买测试", cart.Text);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("500")]
    [InlineData("two")]
    public async Task A_quantity_the_form_refuses_goes_back_to_the_product_with_the_reason_and_adds_nothing(string quantity)
    {
        var product = await site.OpenShopAsync(stock: 5, priceFen: 5900, title: "数量测试");
        var member = await site.ConfirmedMemberAsync(Person.New());

        var page = await member.GetAsync($"/products/{product.ProductId}");
        var back = await page.SubmitAsync(member.Client, "/cart/add", new Dictionary<string, string> { ["Quantity"] = quantity });

        Assert.StartsWith($"/products/{product.ProductId}", back.Url);
        Assert.Matches("Quantity|not a valid value", back.Document.QuerySelector(".flash")?.TextContent ?? back.Text);
        Assert.Contains("Your cart is empty", (await member.GetAsync("/cart")).Text);
    }

    [Fact]
    public async Task The_cart_warns_of_low_and_short_stock_and_holds_back_checkout_until_it_is_fixed()
    {
        var product = await site.OpenShopAsync(stock: 3, title: "库存提示杯");
        var member = await site.ConfirmedMemberAsync(Person.New());

        var cart = await member.AddToCartAsync(product, quantity: 5);
        Assert.Contains("Only 3 left: lower the quantity", LineText(cart, product));
        Assert.Null(cart.Document.QuerySelector("a[href='/checkout']"));

        cart = await cart.SubmitAsync(member.Client, $"/cart/{product.VariantId}/quantity", new Dictionary<string, string> { ["quantity"] = "2" });
        Assert.Contains("Only 3 left", LineText(cart, product));
        Assert.NotNull(cart.Document.QuerySelector("a[href='/checkout']"));

        await site.Services.WithDbAsync(db => ShopStock.AdjustAsync(db, product.VariantId, -3, "盘点", "test", DateTime.UtcNow));
        cart = await member.GetAsync("/cart");
        Assert.Contains("Sold out", LineText(cart, product));
    }

    [Fact]
    public async Task A_visitor_who_adds_to_cart_signs_in_and_keeps_the_item_with_its_note()
    {
        var product = await site.OpenShopAsync(stock: 5, title: "访客加购杯");
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        await member.SignOutAsync();

        var signIn = await member.GetAsync($"/cart/add?VariantId={product.VariantId}&Quantity=2&NoteId=4242");
        Assert.StartsWith("/account/sign-in", signIn.Url);
        var resume = await signIn.SubmitAsync(member.Client, "/account/sign-in", new Dictionary<string, string> { ["Email"] = person.Email, ["Password"] = Members.Password });
        Assert.Equal("/cart/add/resume", resume.Url);
        Assert.Contains(product.Title, resume.Text);
        Assert.Empty(await CartAsync(person)); // a GET changed nothing: the member confirms

        var cart = await resume.SubmitAsync(member.Client, "/cart/add", NoFields);
        Assert.Equal("/cart", cart.Url);
        var item = Assert.Single(await CartAsync(person));
        Assert.Equal((product.VariantId, 2, (long?)4242), (item.VariantId, item.Quantity, item.NoteId));
        Assert.Null(cart.Document.QuerySelector("a[href='/cart/add/resume']")); // the kept add is used up
    }

    [Fact]
    public async Task Address_problems_are_shown_next_to_their_fields_and_nothing_is_saved()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var page = await member.AddAddressAsync(new Dictionary<string, string>(Shopping.Home) { ["Name"] = " ", ["Phone"] = "12345", ["Line"] = new string('路', 101) });

        Assert.Equal("Enter the recipient's name (at most 20 characters).", page.FieldError("Name"));
        Assert.Equal("Enter an 11-digit mobile number starting with 1.", page.FieldError("Phone"));
        Assert.Equal("Enter the street address (at most 100 characters).", page.FieldError("Line"));
        Assert.Null(page.FieldError("City"));
        Assert.Empty(await AddressesAsync(person));

        var saved = await member.AddAddressAsync();
        Assert.Equal("/settings/addresses", saved.Url);
        var address = Assert.Single(await AddressesAsync(person));
        Assert.True(address.IsDefault); // the first address is the default
    }

    [Fact]
    public async Task The_default_address_moves_when_another_is_chosen_or_it_is_deleted()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        await member.AddAddressAsync();
        await member.AddAddressAsync(new Dictionary<string, string>(Shopping.Home) { ["Name"] = "李雷" });
        var (first, second) = (await AddressesAsync(person)) is [var a, var b] ? (a, b) : throw new InvalidOperationException();

        await member.SubmitAsync("/settings/addresses", $"/settings/addresses/{second.Id}/default", NoFields);
        Assert.Equal([false, true], (await AddressesAsync(person)).Select(a => a.IsDefault));

        await member.SubmitAsync("/settings/addresses", $"/settings/addresses/{second.Id}/delete", NoFields);
        Assert.True(Assert.Single(await AddressesAsync(person)).IsDefault);
        Assert.Equal(first.Id, (await AddressesAsync(person))[0].Id);
    }

    [Fact]
    public async Task A_member_never_reaches_another_members_address()
    {
        var ownerPerson = Person.New();
        var owner = await site.ConfirmedMemberAsync(ownerPerson);
        await owner.AddAddressAsync();
        var id = Assert.Single(await AddressesAsync(ownerPerson)).Id;
        var other = await site.ConfirmedMemberAsync(Person.New());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/settings/addresses/{id}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync($"/settings/addresses/{id}/edit", new(Shopping.Home) { ["Name"] = "冒名" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync($"/settings/addresses/{id}/default")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync($"/settings/addresses/{id}/delete")).Status);
        Assert.DoesNotContain("武康路", (await other.GetAsync("/settings/addresses")).Text);

        var address = Assert.Single(await AddressesAsync(ownerPerson));
        Assert.Equal("王小红", address.Name);
    }

    [Fact]
    public async Task Checkout_shows_shipping_per_shop_and_places_one_order_however_often_the_page_is_submitted()
    {
        var product = await site.OpenShopAsync(stock: 10, priceFen: 4500, title: "重复提交杯");
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product, quantity: 2);
        Assert.Contains("¥10.00", checkout.Document.QuerySelector(".sums")!.TextContent); // ¥90 is under the free-shipping line
        Assert.Equal("¥100.00", checkout.Document.QuerySelector("[data-total]")!.TextContent);

        var pay = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        var again = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields); // back, and submit the same page again

        Assert.StartsWith("/pay/sandbox/pay_", pay.Url);
        Assert.Equal(pay.Url, again.Url);
        var order = Assert.Single(await site.OrdersOfAsync(person));
        Assert.Equal((OrderStatus.PendingPayment, 10000L, 2), (order.Status, order.TotalFen, order.Lines.Single().Quantity));
        Assert.Equal(8, await site.StockAsync(product));
        Assert.Empty((await buyer.GetAsync("/cart")).Document.QuerySelectorAll(".cart-line"));
    }

    [Fact]
    public async Task A_cart_from_two_shops_becomes_two_orders_with_their_own_shipping_and_one_payment()
    {
        var cup = await site.OpenShopAsync(stock: 5, priceFen: 12900, title: "两店杯");
        var bag = await site.OpenShopAsync(stock: 5, priceFen: 5990, title: "两店包");
        var (buyer, person, _) = await site.ReadyToCheckOutAsync(cup);
        await buyer.AddToCartAsync(bag);
        var checkout = await buyer.GetAsync("/checkout");
        Assert.Equal("¥198.90", checkout.Document.QuerySelector("[data-total]")!.TextContent); // the bag's shop charges ¥10, the cup ships free

        var pay = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        Assert.Equal("¥198.90", pay.Document.QuerySelector("[data-amount]")!.TextContent);
        var paid = await pay.SubmitAsync(buyer.Client, pay.Url, new Dictionary<string, string> { ["decision"] = "approved" });

        Assert.Equal("/orders", paid.Url);
        var orders = await site.OrdersOfAsync(person);
        Assert.Equal([(cup.ShopId, 12900L), (bag.ShopId, 6990L)], orders.Select(o => (o.ShopId, o.TotalFen)));
        Assert.All(orders, o => Assert.Equal(Shops.Home, o.Address));
        Assert.All(orders, o => Assert.NotNull(o.PaidAt));
    }

    [Fact]
    public async Task Checkout_says_which_item_sold_out_meanwhile_and_places_nothing()
    {
        var product = await site.OpenShopAsync(stock: 2, title: "抢光了杯");
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product, quantity: 2);
        await site.Services.WithDbAsync(db => ShopStock.AdjustAsync(db, product.VariantId, -1, "破损", "test", DateTime.UtcNow));

        var page = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);

        Assert.Equal("/checkout", page.Url);
        Assert.Contains("Not enough stock left for “抢光了杯 (奶白)”", page.Document.QuerySelector("[data-problem]")!.TextContent);
        Assert.Empty(await site.OrdersOfAsync(person));
        Assert.Equal(1, await site.StockAsync(product));
    }

    [Fact]
    public async Task Checkout_shows_the_page_again_when_the_price_changed_after_it_was_opened()
    {
        var product = await site.OpenShopAsync(stock: 5, priceFen: 12900, title: "涨价杯");
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product);
        await site.Services.WithDbAsync(async db =>
        {
            var variant = await db.ProductVariants.SingleAsync(v => v.Id == product.VariantId);
            variant.Reprice(15900, null);
            return await db.SaveChangesAsync();
        });

        var page = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);

        Assert.Contains("Prices or stock changed", page.Document.QuerySelector("[data-problem]")!.TextContent);
        Assert.Equal("¥159.00", page.Document.QuerySelector("[data-total]")!.TextContent);
        Assert.Empty(await site.OrdersOfAsync(person));
        var placed = await page.SubmitAsync(buyer.Client, "/checkout", NoFields);
        Assert.StartsWith("/pay/sandbox/", placed.Url);
        Assert.Equal(15900, Assert.Single(await site.OrdersOfAsync(person)).TotalFen);
    }

    [Fact]
    public async Task Two_hundred_buyers_racing_for_fifty_units_get_exactly_fifty_orders_and_stock_ends_at_zero()
    {
        var product = await site.OpenShopAsync(stock: 50, title: "限量杯");
        var buyers = new List<string>();
        for (var i = 0; i < 200; i++) buyers.Add(await site.BuyerIdAsync());
        var rule = new ShippingRule();

        var results = await Task.WhenAll(buyers.Select(buyer => Task.Run(async () =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await Checkout.PlaceAsync(db, buyer, Guid.NewGuid().ToString("N"), Shops.Home,
                [new CheckoutLine(product.VariantId, 1, null)], rule, DateTime.UtcNow);
        })));

        Assert.Equal(50, results.OfType<CheckoutResult.Placed>().Count());
        Assert.Equal(150, results.OfType<CheckoutResult.SoldOut>().Count());
        Assert.Equal(0, await site.StockAsync(product));
        Assert.Equal(50, await site.Services.WithDbAsync(db => db.OrderLines.CountAsync(l => l.VariantId == product.VariantId)));
    }

    [Fact]
    public async Task A_member_sees_only_their_own_orders()
    {
        var product = await site.OpenShopAsync(stock: 5, title: "别人的订单杯");
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product);
        var pay = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        var order = Assert.Single(await site.OrdersOfAsync(person));
        var other = await site.ConfirmedMemberAsync(Person.New());

        Assert.Contains(product.Title, (await buyer.GetAsync("/orders")).Text);
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync($"/orders/{order.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/orders/{order.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(pay.Url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync($"/orders/{order.Id}/cancel")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync($"/orders/{order.Id}/pay")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostWithTokenAsync(pay.Url, new() { ["decision"] = "approved" })).Status);
        Assert.DoesNotContain(product.Title, (await other.GetAsync("/orders")).Text);
        Assert.Equal(OrderStatus.PendingPayment, Assert.Single(await site.OrdersOfAsync(person)).Status);
    }

    [Fact]
    public async Task The_buyer_cancels_an_unpaid_order_and_its_stock_goes_back()
    {
        var product = await site.OpenShopAsync(stock: 4, title: "取消杯");
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product, quantity: 3);
        await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        var id = Assert.Single(await site.OrdersOfAsync(person)).Id;
        Assert.Equal(1, await site.StockAsync(product));

        var page = await buyer.SubmitAsync($"/orders/{id}", $"/orders/{id}/cancel", NoFields);

        Assert.Equal("Cancelled", page.Document.QuerySelector("header [data-status]")!.TextContent);
        Assert.Contains("Cancelled by the buyer.", page.Document.QuerySelector(".timeline")!.TextContent);
        Assert.Null(page.Document.QuerySelector($"form[action='/orders/{id}/pay']"));
        Assert.Equal(4, await site.StockAsync(product));
    }

    [Fact]
    public async Task A_delivered_order_can_be_returned_with_a_reason_within_seven_days()
    {
        var product = await site.OpenShopAsync(stock: 4, title: "退货杯");
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product);
        var pay = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        await pay.SubmitAsync(buyer.Client, pay.Url, new Dictionary<string, string> { ["decision"] = "approved" });
        var id = Assert.Single(await site.OrdersOfAsync(person)).Id;
        await DeliverAsync(id);

        var details = await buyer.GetAsync($"/orders/{id}");
        Assert.Null(details.Document.QuerySelector($"form[action='/orders/{id}/cancel']")); // shipped: too late to cancel
        var refused = await details.SubmitAsync(buyer.Client, $"/orders/{id}/return", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal("Reason for the return is required.", refused.FieldError("Reason"));
        Assert.Equal(OrderStatus.Delivered, Assert.Single(await site.OrdersOfAsync(person)).Status);

        var page = await details.SubmitAsync(buyer.Client, $"/orders/{id}/return", new Dictionary<string, string> { ["Reason"] = "杯盖有裂纹" });

        Assert.Equal("Return requested", page.Document.QuerySelector("header [data-status]")!.TextContent);
        Assert.Contains("杯盖有裂纹", page.Document.QuerySelector(".timeline")!.TextContent);
        Assert.Null(page.Document.QuerySelector($"form[action='/orders/{id}/return']"));
    }

    /// <summary>The brand's and the carrier's steps, through the lifecycle (the paid order's fulfil job runs in the site's job server).</summary>
    private async Task DeliverAsync(long orderId)
    {
        for (var waited = 0; await site.Services.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync()) != OrderStatus.Processing; waited++)
        {
            if (waited == 150) throw new TimeoutException("The fulfil job did not move the order to Processing.");
            await Task.Delay(200);
        }
        await using var scope = site.Services.CreateAsyncScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<OrderLifecycle>();
        await lifecycle.ShipAsync(orderId, "顺丰", "SF1234567890", "brand", default);
        await lifecycle.MarkDeliveredAsync(orderId);
    }

    private Task<List<CartItem>> CartAsync(Person person) => site.Services.WithDbAsync(db =>
        db.CartItems.AsNoTracking().Where(i => db.Users.Any(u => u.Id == i.UserId && u.Handle == person.Handle)).ToListAsync());

    private Task<List<Address>> AddressesAsync(Person person) => site.Services.WithDbAsync(db =>
        db.Addresses.AsNoTracking().Where(a => db.Users.Any(u => u.Id == a.UserId && u.Handle == person.Handle)).OrderBy(a => a.Id).ToListAsync());
}
