namespace RedMvc.Workers.Tests.Commerce;

/// <summary>A brand with one product in one variant, and helpers to make buyers and place orders.</summary>
public sealed record Shopfront(long ShopId, long ProductId, long VariantId, string BrandId)
{
    public static Task<Shopfront> OpenAsync(WorkersHost host, int stock, long priceFen = 12900) =>
        host.Services.WithDbAsync(async db =>
        {
            var shop = await db.OpenShopAsync();
            var product = await db.ProductOnSaleAsync(shop.Id, priceFen: priceFen, stock: stock);
            return new Shopfront(shop.Id, product.Id, product.Variants[0].Id, shop.OwnerId);
        });

    public async Task<string> BuyerAsync(WorkersHost host) => (await host.Services.WithDbAsync(db => db.AddMemberAsync())).Id;

    public Task<CheckoutResult> CheckoutAsync(WorkersHost host, string buyerId, int quantity = 1, DateTime? at = null, string? key = null) =>
        host.InScopeAsync(sp => Checkout.PlaceAsync(sp.GetRequiredService<AppDbContext>(), buyerId, key ?? Guid.NewGuid().ToString("N"), Shops.Home,
            [new CheckoutLine(VariantId, quantity, null)], new ShippingRule(), at ?? DateTime.UtcNow));

    public Task<int> StockAsync(WorkersHost host) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ProductVariants.Where(v => v.Id == VariantId).Select(v => v.Stock).SingleAsync());

    public static Task<Order> OrderAsync(WorkersHost host, long orderId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Orders.AsNoTracking().Include(o => o.Timeline).SingleAsync(o => o.Id == orderId));

    public static Task<List<string>> OutboxAsync(WorkersHost host, long orderId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.Where(m => m.SubjectId == orderId.ToString())
            .OrderBy(m => m.Id).Select(m => m.Purpose).ToListAsync());
}
