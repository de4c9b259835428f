using System.Globalization;
using RedMvc.Workers.Commerce;

namespace RedMvc.Workers.Tests.Commerce;

/// <summary>Order mails write deadlines in the recipient's saved zone, else China time, and prices as the pages do.</summary>
public class OrderEmailsTests
{
    private static async Task<(Order Order, string Text)> PendingPaymentMailAsync(WorkersHost host, string? zone, string culture)
    {
        var shop = await Shopfront.OpenAsync(host, stock: 3, priceFen: 123450);
        var buyer = await host.Services.WithDbAsync(async db =>
        {
            var person = await db.AddMemberAsync(culture: culture);
            person.TimeZone = zone;
            await db.SaveChangesAsync();
            return person.Id;
        });
        var placed = Assert.IsType<CheckoutResult.Placed>(await shop.CheckoutAsync(host, buyer));
        var order = placed.Orders[0];
        await host.InScopeAsync(sp => sp.GetRequiredService<OrderLifecycle>().PlacedAsync([order.Id]));
        var text = await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox
            .Where(m => m.SubjectId == order.Id.ToString() && m.Purpose == "order-pendingpayment").Select(m => m.TextBody).SingleAsync());
        return (order, text);
    }

    private static string Minute(DateTime utc, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zone))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_payment_deadline_is_written_in_the_buyers_saved_zone()
    {
        await using var host = await WorkersHost.StartAsync();
        var (order, text) = await PendingPaymentMailAsync(host, "America/New_York", "en");
        var offset = TimeZoneInfo.FindSystemTimeZoneById("America/New_York").IsDaylightSavingTime(order.PaymentDueAt) ? "UTC-4" : "UTC-5";
        Assert.Contains($"reserved for you until {Minute(order.PaymentDueAt, "America/New_York")} ({offset})", text);
        Assert.Contains("¥1234.50", text);
    }

    [Fact]
    public async Task A_buyer_without_a_saved_zone_reads_china_time()
    {
        await using var host = await WorkersHost.StartAsync();
        var (order, text) = await PendingPaymentMailAsync(host, null, "zh-CN");
        Assert.Contains($"已为你保留到 {Minute(order.PaymentDueAt, "Asia/Shanghai")}（UTC+8）", text);
        Assert.Contains("合计 ¥1234.50", text);
    }

    [Fact]
    public async Task A_buyer_who_turned_order_updates_off_gets_no_order_mail_and_the_others_can_stop_it_in_one_click()
    {
        await using var host = await WorkersHost.StartAsync();
        var shop = await Shopfront.OpenAsync(host, stock: 3, priceFen: 1000);
        var (quiet, told) = await host.Services.WithDbAsync(async db => ((await db.AddMemberAsync()).Id, (await db.AddMemberAsync()).Id));
        await host.Services.WithDbAsync(db => RedMvc.Domain.Email.EmailPreferences.TurnOffAsync(db, quiet, [RedMvc.Domain.Email.MailCategory.OrderUpdates]));
        foreach (var buyer in new[] { quiet, told })
        {
            var placed = Assert.IsType<CheckoutResult.Placed>(await shop.CheckoutAsync(host, buyer));
            await host.InScopeAsync(sp => sp.GetRequiredService<OrderLifecycle>().PlacedAsync([placed.Orders[0].Id]));
        }

        var mails = await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.Where(m => m.Purpose == "order-pendingpayment").ToListAsync());
        var addresses = await host.Services.WithDbAsync(db => db.Users.Where(u => u.Id == quiet || u.Id == told).ToDictionaryAsync(u => u.Id, u => u.Email!.ToLowerInvariant()));
        var mail = Assert.Single(mails);
        Assert.Equal(addresses[told], mail.Recipient);
        Assert.StartsWith("https://red.example/unsubscribe/", mail.UnsubscribeUrl);
    }
}
