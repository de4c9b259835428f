using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Domain.Time;

namespace RedMvc.Workers.Email;

/// <summary>
/// The order mails, one per (purpose, order): the outbox key makes every one of them go out once
/// however often a job or a callback repeats. Buyers hear about each step; the brand hears about
/// a new paid order and a return request. Deadlines are written in the recipient's saved zone, else the
/// site's (China time), with the offset so nobody has to guess. A buyer's mails are the "order updates"
/// category, which the buyer may turn off; a brand's are the shop's work and always go.
/// </summary>
public class OrderEmails(OutboxMailer mailer, AppDbContext db, UnsubscribeLinks unsubscribe, IStringLocalizer<EmailStrings> localizer,
    IOptions<SiteOptions> site, SiteLinks links, TimeProvider clock)
{
    /// <summary>The statuses a buyer is told about; Processing and Completed pass quietly.</summary>
    public static readonly IReadOnlySet<OrderStatus> BuyerHears = new HashSet<OrderStatus>
    {
        OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered,
        OrderStatus.Cancelled, OrderStatus.ReturnRequested, OrderStatus.Refunded,
    };

    public Task<bool> StatusAsync(Order order, AppUser buyer, CancellationToken cancellationToken) =>
        BuyerHears.Contains(order.Status)
            ? QueueAsync($"order-{order.Status.ToString().ToLowerInvariant()}", buyer, order.Id.ToString(CultureInfo.InvariantCulture), $"Order.{order.Status}",
                order, $"/orders/{order.Id}", cancellationToken, optional: true)
            : Task.FromResult(false);

    public Task<bool> BrandAsync(Order order, AppUser brandOwner, CancellationToken cancellationToken) =>
        order.Status is OrderStatus.Paid or OrderStatus.ReturnRequested
            ? QueueAsync($"brand-order-{order.Status.ToString().ToLowerInvariant()}", brandOwner, order.Id.ToString(CultureInfo.InvariantCulture), $"BrandOrder.{order.Status}",
                order, "/brand/orders", cancellationToken)
            : Task.FromResult(false);

    public Task<bool> ReviewInvitationAsync(Order order, OrderLine line, AppUser buyer, CancellationToken cancellationToken) =>
        QueueAsync("review-invitation", buyer, line.Id.ToString(CultureInfo.InvariantCulture), "ReviewInvitation",
            order, $"/notes/new?review={line.Id}", cancellationToken, optional: true, line);

    private async Task<bool> QueueAsync(string purpose, AppUser recipient, string subjectId, string kind, Order order, string path,
        CancellationToken cancellationToken, bool optional = false, OrderLine? line = null)
    {
        // An erased account's tombstone has no address: its orders go on without mail.
        if (recipient.Email is null) return false;
        if (optional && await EmailPreferences.ChoiceAsync(db, recipient.Id, MailCategory.OrderUpdates, cancellationToken) == MailChoice.Off) return false;
        var culture = recipient.Culture ?? "zh-CN";
        var saved = CultureInfo.CurrentUICulture;
        EmailContent content;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var items = string.Join(", ", order.Lines.Select(l => l.VariantName.Length > 0 ? $"{l.Title} ({l.VariantName}) × {l.Quantity}" : $"{l.Title} × {l.Quantity}"));
            var times = new Times(TimeZones.Find(recipient.TimeZone) ?? TimeZones.SiteDefault(site.Value.TimeZone), clock);
            var deadline = DeadlineOf(order);
            var paragraphs = new List<string>
            {
                localizer[$"{kind}.Body", order.Number, order.Carrier ?? "", order.TrackingNumber ?? "", line?.Title ?? "",
                    deadline is { } due ? times.Minute(due) : "", deadline is { } dueAt ? times.Offset(dueAt) : ""],
            };
            if (line is null) paragraphs.Add(localizer["Order.Summary", items, Money.Yuan(order.TotalFen)]);
            content = new EmailContent(
                culture,
                Subject: localizer[$"{kind}.Subject", order.Number, line?.Title ?? ""],
                Heading: localizer[$"{kind}.Heading", recipient.DisplayName],
                Paragraphs: paragraphs,
                ActionLabel: localizer[$"{kind}.Action"].Value,
                ActionUrl: links.Absolute(path))
            {
                Unsubscribe = optional ? unsubscribe.For(recipient.Id, [MailCategory.OrderUpdates]) : null,
            };
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
        return await mailer.QueueAsync(purpose, recipient.Email!, subjectId, content, cancellationToken);
    }

    /// <summary>What the buyer must do by when: pay a pending order, ask for a return of a delivered one.</summary>
    private static DateTime? DeadlineOf(Order order) => order.Status switch
    {
        OrderStatus.PendingPayment => order.PaymentDueAt,
        OrderStatus.Delivered => order.ReturnWindowEndsAt,
        _ => null,
    };
}
