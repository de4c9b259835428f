namespace RedMvc.Web.Features.Brand;

/// <summary>Reads for the brand dashboard; every one is scoped to the brand's own shop.</summary>
public class BrandQueries(AppDbContext db)
{
    public const int RecentOrders = 20;

    public async Task<BrandDashboard> DashboardAsync(Shop shop, ProductStatus status)
    {
        var counts = await db.Products.Where(p => p.ShopId == shop.Id).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var products = await db.Products.AsNoTracking().Include(p => p.Variants)
            .Where(p => p.ShopId == shop.Id && p.Status == status).OrderByDescending(p => p.UpdatedAt).Take(200).ToListAsync();
        var covers = await ProductPhotos.CoversAsync(db, products.Select(p => p.Id));
        var rows = products.Select(p => new BrandProductRow(p.Id, p.Title, p.Status,
            ProductPhotos.CoverOf(covers, p.Id, p.Title),
            p.Variants.Count, p.Variants.Count == 0 ? null : p.Variants.Min(v => v.PriceFen), p.Variants.Sum(v => v.Stock), p.TakedownReason)).ToList();
        var orders = await db.Orders.Where(o => o.ShopId == shop.Id
                && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Processing || o.Status == OrderStatus.ReturnRequested))
            .GroupBy(o => o.Status == OrderStatus.ReturnRequested).Select(g => new { Returns = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Returns, g => g.Count);
        return new BrandDashboard(shop.Id, new ShopCard(shop.Handle, shop.Name, shop.LogoKey), shop.Description,
            status.ToString().ToLowerInvariant(), rows,
            counts.GetValueOrDefault(ProductStatus.Draft), counts.GetValueOrDefault(ProductStatus.Active), counts.GetValueOrDefault(ProductStatus.Archived),
            counts.GetValueOrDefault(ProductStatus.TakenDown), orders.GetValueOrDefault(false), orders.GetValueOrDefault(true), shop.SuspendedAt, shop.SuspensionReason);
    }

    /// <summary>The product's variants with their stock and the latest adjustments, or null when it is not this shop's.</summary>
    public async Task<StockPage?> StockAsync(long shopId, long productId)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Variants)
            .SingleOrDefaultAsync(p => p.Id == productId && p.ShopId == shopId);
        if (product is null) return null;
        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var names = product.Variants.ToDictionary(v => v.Id, v => v.Name);
        var ledger = await db.StockAdjustments.AsNoTracking().Where(a => variantIds.Contains(a.VariantId))
            .OrderByDescending(a => a.Id).Take(100)
            .Join(db.Users, a => a.ByUserId, u => u.Id, (a, u) => new { a.CreatedAt, a.VariantId, a.Delta, a.StockAfter, a.Reason, u.DisplayName })
            .ToListAsync();
        return new StockPage(product.Id, product.Title,
            product.Variants.OrderBy(v => v.Id).Select(v => new StockRow(v.Id, v.Name, v.Stock)).ToList(),
            ledger.OrderByDescending(a => a.CreatedAt).Select(a => new LedgerRow(a.CreatedAt, names[a.VariantId], a.Delta, a.StockAfter, a.Reason, a.DisplayName)).ToList());
    }

    /// <summary>Paid and processing orders to ship (oldest first), returns to decide, and the latest of the rest.</summary>
    public async Task<BrandOrdersPage> OrdersAsync(long shopId)
    {
        var open = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.ShopId == shopId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Processing || o.Status == OrderStatus.ReturnRequested))
            .OrderBy(o => o.Id).Take(200).ToListAsync();
        var recent = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.ShopId == shopId && o.Status != OrderStatus.Paid && o.Status != OrderStatus.Processing && o.Status != OrderStatus.ReturnRequested
                && o.Status != OrderStatus.PendingPayment)
            .OrderByDescending(o => o.Id).Take(RecentOrders).ToListAsync();
        return new BrandOrdersPage(
            open.Where(o => o.Status != OrderStatus.ReturnRequested).Select(ToRow).ToList(),
            open.Where(o => o.Status == OrderStatus.ReturnRequested).Select(ToRow).ToList(),
            recent.Select(ToRow).ToList());
    }

    private static BrandOrderRow ToRow(Order o) =>
        new(o.Id, o.Number, o.Status, o.PlacedAt, o.TotalFen, o.Address,
            o.Lines.Select(l => new BrandOrderLine(l.Title, l.VariantName, l.Quantity, l.UnitPriceFen)).ToList(), o.ReturnReason, o.Carrier, o.TrackingNumber);
}
