namespace RedMvc.Web.Features.Orders;

/// <summary>The buyer's own orders. Every query filters by the buyer: someone else's order is simply not found.</summary>
public class OrderQueries(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<OrdersPage> ListAsync(string buyerId, long? before)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerId == buyerId && (before == null || o.Id < before))
            .OrderByDescending(o => o.Id).Take(PageSize + 1)
            .Select(o => new
            {
                o.Id, o.Number, o.Status, o.SubtotalFen, o.ShippingFen, o.PlacedAt,
                ShopName = db.Shops.Where(s => s.Id == o.ShopId).Select(s => s.Name).First(),
                ItemCount = o.Lines.Sum(l => l.Quantity),
                First = o.Lines.OrderBy(l => l.Id).Select(l => new { l.ProductId, l.Title }).First(),
            }).ToListAsync();
        var page = orders.Take(PageSize).ToList();
        var photos = await ProductPhotos.CoversAsync(db, page.Select(o => o.First.ProductId));
        var rows = page.Select(o => new OrderRow(o.Id, o.Number, o.ShopName, o.Status, o.SubtotalFen + o.ShippingFen, o.PlacedAt, o.ItemCount, o.First.Title,
            ProductPhotos.CoverOf(photos, o.First.ProductId, o.First.Title))).ToList();
        return new OrdersPage(rows, orders.Count > PageSize ? page[^1].Id : null);
    }

    public async Task<OrderDetails?> DetailsAsync(long id, string buyerId, ReturnForm? returnForm = null)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id && o.BuyerId == buyerId);
        if (order is null) return null;
        var shop = await db.Shops.AsNoTracking().Where(s => s.Id == order.ShopId).Select(s => new { s.Name, s.Handle }).SingleAsync();
        var photos = await ProductPhotos.CoversAsync(db, order.Lines.Select(l => l.ProductId));
        var now = clock.GetUtcNow().UtcDateTime;
        return new OrderDetails(
            order.Id, order.Number, shop.Name, shop.Handle, order.Status,
            order.Lines.OrderBy(l => l.Id).Select(l => new OrderLineView(l.ProductId, l.Title, l.VariantName, l.UnitPriceFen, l.Quantity,
                ProductPhotos.CoverOf(photos, l.ProductId, l.Title))).ToList(),
            order.Address, order.SubtotalFen, order.ShippingFen, order.PlacedAt, order.PaymentDueAt, order.Carrier, order.TrackingNumber, order.ReturnWindowEndsAt,
            order.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TimelineEntry(e.Status, e.At, e.Note)).ToList(),
            CanPay: order.Status == OrderStatus.PendingPayment && now < order.PaymentDueAt,
            CanCancel: order.Status is OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Processing,
            CanRequestReturn: order.Status == OrderStatus.Delivered && now <= order.ReturnWindowEndsAt,
            returnForm ?? new ReturnForm());
    }

    /// <summary>The payment of the checkout that placed this order (its key is the order's key without the shop).</summary>
    public async Task<Payment?> PaymentOfAsync(long orderId, string buyerId)
    {
        var key = await db.Orders.Where(o => o.Id == orderId && o.BuyerId == buyerId).Select(o => o.IdempotencyKey).SingleOrDefaultAsync();
        var colon = key?.LastIndexOf(':') ?? -1;
        if (colon < 0) return null;
        var checkoutKey = key![..colon];
        return await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.BuyerId == buyerId && p.CheckoutKey == checkoutKey);
    }
}
