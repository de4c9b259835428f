using System.Text;
using RedMvc.Workers.Commerce;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class PaymentTests(RedMvcAppFactory site)
{
    private static readonly Dictionary<string, string> NoFields = [];

    /// <summary>A buyer who placed one order and stands on the sandbox payment page.</summary>
    private async Task<(Visitor Buyer, Person Person, Order Order, Payment Payment, Visitor.Page PayPage)> PlacedAsync(string title, int stock = 5)
    {
        var product = await site.OpenShopAsync(stock, priceFen: 12900, title: title);
        var (buyer, person, checkout) = await site.ReadyToCheckOutAsync(product);
        var payPage = await checkout.SubmitAsync(buyer.Client, "/checkout", NoFields);
        var order = Assert.Single(await site.OrdersOfAsync(person));
        var payment = await PaymentAsync(order);
        return (buyer, person, order, payment, payPage);
    }

    private Task<Payment> PaymentAsync(Order order) =>
        site.Services.WithDbAsync(db => db.Payments.AsNoTracking().SingleAsync(p => order.IdempotencyKey.StartsWith(p.CheckoutKey + ":") && p.BuyerId == order.BuyerId));

    private Task<Order> OrderAsync(long id) =>
        site.Services.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Timeline).SingleAsync(o => o.Id == id));

    private async Task<HttpStatusCode> CallbackAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/callback") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add(PaymentSigner.Header, signature);
        return (await site.CreateVisitor().Client.SendAsync(request)).StatusCode;
    }

    private static string Approval(Payment payment, long? amountFen = null) =>
        new PaymentCallback(payment.Reference, PaymentCallback.Approved, amountFen ?? payment.AmountFen, DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToJson();

    private string Sign(string body) => site.Service<PaymentSigner>().Sign(body);

    private Task<int> OutboxCountAsync(long orderId, string purpose) =>
        site.Services.WithDbAsync(db => db.EmailOutbox.CountAsync(m => m.Purpose == purpose && m.SubjectId == orderId.ToString()));

    [Fact]
    public async Task Approving_in_the_sandbox_pays_the_order_and_the_buyer_gets_the_email()
    {
        var (buyer, person, order, payment, payPage) = await PlacedAsync("沙盒付款杯");
        Assert.Equal("¥129.00", payPage.Document.QuerySelector("[data-amount]")!.TextContent); // free shipping from ¥99

        var orderPage = await payPage.SubmitAsync(buyer.Client, $"/pay/sandbox/{payment.Reference}", new Dictionary<string, string> { ["decision"] = "approved" });

        Assert.Equal($"/orders/{order.Id}", orderPage.Url);
        Assert.Contains("Payment received", orderPage.Text);
        Assert.NotNull((await OrderAsync(order.Id)).PaidAt);
        var mail = await site.Mailbox.WaitForAsync(person.Email, $"Order {order.Number} is paid");
        Assert.Contains(order.Number, mail.TextBody);
    }

    [Fact]
    public async Task A_callback_with_a_bad_signature_is_refused_and_changes_nothing()
    {
        var (_, _, order, payment, _) = await PlacedAsync("坏签名杯");
        var body = Approval(payment);
        var forged = new PaymentSigner(Encoding.UTF8.GetBytes("not-the-secret")).Sign(body);

        Assert.Equal(HttpStatusCode.Unauthorized, await CallbackAsync(body, forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallbackAsync(body, signature: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallbackAsync(body, "sha256=zz"));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallbackAsync(body.Replace("approved", "declined"), Sign(body))); // signed, then altered

        Assert.Equal(OrderStatus.PendingPayment, (await OrderAsync(order.Id)).Status);
        Assert.Equal(PaymentStatus.Pending, (await PaymentAsync(order)).Status);
    }

    [Fact]
    public async Task A_signed_callback_for_another_amount_is_refused_and_changes_nothing()
    {
        var (_, _, order, payment, _) = await PlacedAsync("金额不符杯");
        var body = Approval(payment, amountFen: 1);

        Assert.Equal(HttpStatusCode.BadRequest, await CallbackAsync(body, Sign(body)));

        Assert.Equal(OrderStatus.PendingPayment, (await OrderAsync(order.Id)).Status);
        Assert.Equal(PaymentStatus.Pending, (await PaymentAsync(order)).Status);
    }

    [Fact]
    public async Task A_callback_replayed_marks_the_order_paid_once_and_sends_one_email()
    {
        var (_, person, order, payment, _) = await PlacedAsync("重放回调杯");
        var body = Approval(payment);

        Assert.Equal(HttpStatusCode.OK, await CallbackAsync(body, Sign(body)));
        Assert.Equal(HttpStatusCode.OK, await CallbackAsync(body, Sign(body)));

        var subject = $"Order {order.Number} is paid";
        await site.Mailbox.WaitForAsync(person.Email, subject);
        var paid = await OrderAsync(order.Id);
        Assert.Single(paid.Timeline, e => e.Status == OrderStatus.Paid);
        Assert.Equal(PaymentStatus.Approved, (await PaymentAsync(order)).Status);
        Assert.Equal(1, await OutboxCountAsync(order.Id, "order-paid"));
        Assert.Single(site.Mailbox.To(person.Email), m => m.Subject == subject);
    }

    [Fact]
    public async Task A_declined_payment_leaves_the_order_waiting_and_the_buyer_can_pay_again()
    {
        var (buyer, _, order, payment, payPage) = await PlacedAsync("拒付重试杯");

        var orderPage = await payPage.SubmitAsync(buyer.Client, $"/pay/sandbox/{payment.Reference}", new Dictionary<string, string> { ["decision"] = "declined" });

        Assert.Contains("The payment was declined", orderPage.Text);
        Assert.Equal(OrderStatus.PendingPayment, (await OrderAsync(order.Id)).Status);
        var retry = await orderPage.SubmitAsync(buyer.Client, $"/orders/{order.Id}/pay", NoFields);
        Assert.Equal($"/pay/sandbox/{payment.Reference}", retry.Url);
        await retry.SubmitAsync(buyer.Client, $"/pay/sandbox/{payment.Reference}", new Dictionary<string, string> { ["decision"] = "approved" });
        Assert.NotNull((await OrderAsync(order.Id)).PaidAt);
    }

    [Fact]
    public async Task A_payment_that_arrives_after_the_timer_cancelled_the_order_is_refunded_and_the_stock_stays_back()
    {
        var product = await site.OpenShopAsync(stock: 3, title: "超时付款杯");
        var buyerId = await site.BuyerIdAsync();
        var placed = Assert.IsType<CheckoutResult.Placed>(await site.Services.WithDbAsync(db => Checkout.PlaceAsync(db, buyerId, Guid.NewGuid().ToString("N"),
            Shops.Home, [new CheckoutLine(product.VariantId, 2, null)], new ShippingRule(), DateTime.UtcNow - Order.PaymentWindow - TimeSpan.FromMinutes(1))));
        var orderId = placed.Orders.Single().Id;
        await using (var scope = site.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<OrderLifecycle>().CancelIfUnpaidAsync(orderId));
        Assert.Equal(3, await site.StockAsync(product));

        var body = Approval(placed.Payment);
        Assert.Equal(HttpStatusCode.OK, await CallbackAsync(body, Sign(body)));
        Assert.Equal(HttpStatusCode.OK, await CallbackAsync(body, Sign(body)));

        var order = await OrderAsync(orderId);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.NotNull(order.RefundIssuedAt);
        Assert.Single(order.Timeline, e => e.Note == "Order.Timeline.RefundIssued");
        Assert.Equal(3, await site.StockAsync(product));
    }
}
