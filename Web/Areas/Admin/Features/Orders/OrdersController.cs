using System.Globalization;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Commerce;

namespace RedMvc.Web.Areas.Admin.Features.Orders;

public record OrderRow(long Id, string Number, string BuyerHandle, string ShopName, OrderStatus Status, long TotalFen, DateTime PlacedAt);

public record OrdersPage(string? Query, IReadOnlyList<OrderRow> Found);

public record OrderPeople(string BuyerHandle, string? BuyerEmail, long ShopId, string ShopName, string ShopHandle);

public record OrderAdminPage(Order Order, OrderPeople People, IReadOnlyList<Payment> Payments, IReadOnlyList<StaffAuditEntry> History);

/// <summary>
/// Any order for staff: found by its number, its buyer (handle or email) or its shop (handle); its page
/// with lines, buyer, shop, timeline and payments; and a refund with a reason through OrderLifecycle.
/// </summary>
public class OrdersController(AppDbContext db, OrderLifecycle lifecycle, IStringLocalizer<SharedResource> t) : AdminController
{
    public const int ListSize = 50;

    [HttpGet("/admin/orders")]
    public async Task<IActionResult> Index(string? q)
    {
        var term = q?.Trim().TrimStart('@') ?? "";
        if (term.Length == 0) return View(new OrdersPage(null, await RowsAsync(db.Orders)));
        var byNumber = await db.Orders.Where(o => o.Number == term.ToUpperInvariant()).Select(o => (long?)o.Id).SingleOrDefaultAsync();
        if (byNumber is { } id) return Redirect($"/admin/orders/{id}");
        var email = term.ToUpperInvariant();
        var handle = term.ToLowerInvariant();
        var buyers = db.Users.Where(u => u.Handle == handle || u.NormalizedEmail == email).Select(u => u.Id);
        var shops = db.Shops.Where(s => s.Handle == handle).Select(s => s.Id);
        return View(new OrdersPage(q, await RowsAsync(db.Orders.Where(o => buyers.Contains(o.BuyerId) || shops.Contains(o.ShopId)))));
    }

    [HttpGet("/admin/orders/{id:long}")]
    public async Task<IActionResult> Show(long id)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id);
        if (order is null) return NotFound();
        var buyer = await db.Users.Where(u => u.Id == order.BuyerId).Select(u => new { u.Handle, u.Email }).SingleAsync();
        var shop = await db.Shops.Where(s => s.Id == order.ShopId).Select(s => new { s.Name, s.Handle }).SingleAsync();
        var people = new OrderPeople(buyer.Handle, buyer.Email, order.ShopId, shop.Name, shop.Handle);
        var payments = await db.Payments.AsNoTracking().Where(p => p.BuyerId == order.BuyerId && p.CheckoutKey == order.CheckoutKey).OrderBy(p => p.Id).ToListAsync();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.StaffAudit.AsNoTracking().Where(e => e.TargetKind == "Order" && e.TargetId == key).OrderByDescending(e => e.Id).ToListAsync();
        return View(new OrderAdminPage(order, people, payments, history));
    }

    /// <summary>A refused move (unpaid, already refunded) or a bad reason is told in the flash; a concurrent job's move is retried once.</summary>
    [HttpPost("/admin/orders/{id:long}/refund")]
    public async Task<IActionResult> Refund(long id, string? reason)
    {
        var number = await db.Orders.Where(o => o.Id == id).Select(o => o.Number).SingleOrDefaultAsync();
        if (number is null) return NotFound();
        if (Penalty.ReasonRule.Check(reason) is not { Problem: null } why)
        {
            this.Flash(t["Admin.Error.Reason"]);
            return Redirect($"/admin/orders/{id}");
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await lifecycle.RefundByStaffAsync(id, StaffActors.Of(HttpContext), why.Value);
                this.Flash(t["Admin.Orders.Refunded", number]);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                db.ChangeTracker.Clear(); // a job moved the order meanwhile (Paid -> Processing): read it afresh
            }
            catch (ShopRuleException e)
            {
                db.ChangeTracker.Clear();
                this.Flash(t[e.Key, number]);
                break;
            }
        }
        return Redirect($"/admin/orders/{id}");
    }

    private async Task<List<OrderRow>> RowsAsync(IQueryable<Order> orders) =>
        await orders.AsNoTracking()
            .Join(db.Users, o => o.BuyerId, u => u.Id, (o, u) => new { Order = o, Buyer = u.Handle })
            .Join(db.Shops, x => x.Order.ShopId, s => s.Id, (x, s) => new { x.Order, x.Buyer, Shop = s.Name })
            .OrderByDescending(x => x.Order.Id).Take(ListSize)
            .Select(x => new OrderRow(x.Order.Id, x.Order.Number, x.Buyer, x.Shop, x.Order.Status, x.Order.SubtotalFen + x.Order.ShippingFen, x.Order.PlacedAt))
            .ToListAsync();
}
