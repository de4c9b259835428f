using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;

namespace RedMvc.Workers.Tests.Commerce;

/// <summary>A brand with one product in one variant, and helpers to make buyers and place orders.</summary>
public sealed record Shopfront(long ShopId, long ProductId, long VariantId, string BrandId)
{
    public static readonly ShippingAddress Home = new("王小红", "13800138000", "上海", "上海市", "徐汇区", "武康路 100 号");

    public static async Task<Shopfront> OpenAsync(WorkersHost host, int stock, long priceFen = 12900) =>
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var brand = await db.AddMemberAsync(roles: Roles.Brand);
            var shop = new Shop(brand.Id, brand.Handle, "枫叶生活馆", DateTime.UtcNow);
            db.Shops.Add(shop);
            await db.SaveChangesAsync();
            var product = Product.Draft(shop.Id, "陶瓷保温杯", "好用", "home", DateTime.UtcNow);
            var variant = product.AddVariant("奶白", priceFen, null, stock);
            product.AddPhoto(new ProductPhoto("originals/none", 0));
            product.Activate(DateTime.UtcNow);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return new Shopfront(shop.Id, product.Id, variant.Id, brand.Id);
        });

    public async Task<string> BuyerAsync(WorkersHost host) => (await host.Services.WithDbAsync(db => db.AddMemberAsync())).Id;

    public Task<CheckoutResult> CheckoutAsync(WorkersHost host, string buyerId, int quantity = 1, DateTime? at = null, string? key = null) =>
        host.InScopeAsync(sp => Checkout.PlaceAsync(sp.GetRequiredService<AppDbContext>(), buyerId, key ?? Guid.NewGuid().ToString("N"), Home,
            [new CheckoutLine(VariantId, quantity, null)], new ShippingRule(), at ?? DateTime.UtcNow));

    public Task<int> StockAsync(WorkersHost host) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ProductVariants.Where(v => v.Id == VariantId).Select(v => v.Stock).SingleAsync());

    public static Task<Order> OrderAsync(WorkersHost host, long orderId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Orders.AsNoTracking().Include(o => o.Timeline).SingleAsync(o => o.Id == orderId));

    public static Task<List<string>> OutboxAsync(WorkersHost host, long orderId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.Where(m => m.SubjectId == orderId.ToString())
            .OrderBy(m => m.Id).Select(m => m.Purpose).ToListAsync());
}
