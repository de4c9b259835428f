using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Areas.Admin.Features.Shops;

public record ShopRow(long Id, string Handle, string Name, string OwnerHandle, bool Suspended, int OnSale, int Products, int Orders, DateTime CreatedAt);

public record BrandCandidate(string Handle, string DisplayName, string? ShopHandle);

public record ShopsPage(string? Query, IReadOnlyList<ShopRow> Shops, string? Member, BrandCandidate? Candidate);

public record ShopProductRow(long Id, string Title, ProductStatus Status, string? TakedownReason, long? LowestPriceFen, int Stock);

public record ShopOrderRow(long Id, string Number, string BuyerHandle, OrderStatus Status, long TotalFen, DateTime PlacedAt);

public record ShopAdminPage(Shop Shop, string OwnerHandle, IReadOnlyList<ShopProductRow> Products, IReadOnlyList<ShopOrderRow> Orders, IReadOnlyList<StaffAuditEntry> History);

public record ProductAdminPage(Product Product, Shop Shop, PhotoView? Cover, IReadOnlyList<StaffAuditEntry> History);

/// <summary>
/// Brands and their shops for staff: find a shop, open a member's shop (the brand grant), suspend or
/// restore a shop, take a product down or restore it. Every change is CatalogueDesk's, with a reason, audited.
/// </summary>
public class ShopsController(AppDbContext db, UserManager<AppUser> users, PublicPages pages, TimeProvider clock, IStringLocalizer<SharedResource> t) : AdminController
{
    public const int ListSize = 100;
    public const int RecentOrders = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Shops whose name, handle or owner's handle contains the query (all shops, newest first, without one); a member to make a brand.</summary>
    [HttpGet("/admin/shops")]
    public async Task<IActionResult> Index(string? q, string? member)
    {
        var term = q?.Trim().TrimStart('@') ?? "";
        var shops = db.Shops.AsNoTracking().Join(db.Users, s => s.OwnerId, u => u.Id, (s, u) => new { Shop = s, Owner = u.Handle });
        if (term.Length > 0) shops = shops.Where(x => x.Shop.Name.Contains(term) || x.Shop.Handle.Contains(term.ToLowerInvariant()) || x.Owner.Contains(term.ToLowerInvariant()));
        var rows = await shops.OrderByDescending(x => x.Shop.Id).Take(ListSize).Select(x => new ShopRow(x.Shop.Id, x.Shop.Handle, x.Shop.Name, x.Owner, x.Shop.SuspendedAt != null,
            db.Products.Count(p => p.ShopId == x.Shop.Id && p.Status == ProductStatus.Active), db.Products.Count(p => p.ShopId == x.Shop.Id),
            db.Orders.Count(o => o.ShopId == x.Shop.Id), x.Shop.CreatedAt)).ToListAsync();
        var handle = member?.Trim().TrimStart('@');
        BrandCandidate? candidate = null;
        if (!string.IsNullOrEmpty(handle) && await users.FindByNameAsync(handle) is { } user)
            candidate = new BrandCandidate(user.Handle, user.DisplayName, await db.Shops.Where(s => s.OwnerId == user.Id).Select(s => s.Handle).SingleOrDefaultAsync());
        return View(new ShopsPage(term.Length > 0 ? q : null, rows, string.IsNullOrEmpty(handle) ? null : handle, candidate));
    }

    [HttpPost("/admin/shops/grant")]
    public async Task<IActionResult> Grant(string? handle, string? reason)
    {
        var member = await users.FindByNameAsync((handle ?? "").Trim().TrimStart('@'));
        if (member is null) return NotFound();
        var problem = await CatalogueDesk.GrantBrandAsync(db, users, StaffActors.Of(HttpContext), member, reason, Now);
        this.Flash(problem is null ? t["Admin.Brands.Granted", member.DisplayName] : t[problem, member.Handle]);
        return Redirect($"/admin/shops?member={Uri.EscapeDataString(member.Handle)}");
    }

    [HttpGet("/admin/shops/{id:long}")]
    public async Task<IActionResult> Show(long id)
    {
        var shop = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (shop is null) return NotFound();
        var products = await db.Products.AsNoTracking().Where(p => p.ShopId == id).OrderByDescending(p => p.Id).Take(ListSize)
            .Select(p => new ShopProductRow(p.Id, p.Title, p.Status, p.TakedownReason, p.Variants.Min(v => (long?)v.PriceFen), p.Variants.Sum(v => v.Stock))).ToListAsync();
        var orders = await db.Orders.AsNoTracking().Where(o => o.ShopId == id).OrderByDescending(o => o.Id).Take(RecentOrders)
            .Join(db.Users, o => o.BuyerId, u => u.Id, (o, u) => new ShopOrderRow(o.Id, o.Number, u.Handle, o.Status, o.SubtotalFen + o.ShippingFen, o.PlacedAt)).ToListAsync();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.StaffAudit.AsNoTracking().Where(e => e.TargetKind == "Shop" && e.TargetId == key).OrderByDescending(e => e.Id).Take(30).ToListAsync();
        var owner = await db.Users.Where(u => u.Id == shop.OwnerId).Select(u => u.Handle).SingleAsync();
        return View(new ShopAdminPage(shop, owner, products, orders, history));
    }

    [HttpPost("/admin/shops/{id:long}/suspend")]
    public Task<IActionResult> Suspend(long id, string? reason) =>
        WithShopAsync(id, shop => CatalogueDesk.SuspendShopAsync(db, StaffActors.Of(HttpContext), shop, reason, Now), "Admin.Shops.SuspendedDone");

    [HttpPost("/admin/shops/{id:long}/restore")]
    public Task<IActionResult> Restore(long id, string? reason) =>
        WithShopAsync(id, shop => CatalogueDesk.RestoreShopAsync(db, StaffActors.Of(HttpContext), shop, reason, Now), "Admin.Shops.RestoredDone");

    [HttpGet("/admin/products/{id:long}")]
    public async Task<IActionResult> Product(long id)
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Photos).Include(p => p.Variants).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id);
        if (product is null) return NotFound();
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Id == product.ShopId);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.StaffAudit.AsNoTracking().Where(e => e.TargetKind == "Product" && e.TargetId == key).OrderByDescending(e => e.Id).Take(30).ToListAsync();
        var cover = product.Photos.OrderBy(p => p.Position).Select(p => ProductPhotos.ToView(p, product.Title)).FirstOrDefault();
        return View(new ProductAdminPage(product, shop, cover, history));
    }

    [HttpPost("/admin/products/{id:long}/takedown")]
    public Task<IActionResult> TakeDown(long id, string? reason) =>
        WithProductAsync(id, product => CatalogueDesk.TakeDownProductAsync(db, StaffActors.Of(HttpContext), product, reason, Now), "Admin.Products.TakenDownDone");

    [HttpPost("/admin/products/{id:long}/restore")]
    public Task<IActionResult> RestoreProduct(long id, string? reason) =>
        WithProductAsync(id, product => CatalogueDesk.RestoreProductAsync(db, StaffActors.Of(HttpContext), product, reason, Now), "Admin.Products.RestoredDone");

    private async Task<IActionResult> WithShopAsync(long id, Func<Shop, Task<string?>> act, string doneKey)
    {
        var shop = await db.Shops.SingleOrDefaultAsync(s => s.Id == id);
        if (shop is null) return NotFound();
        var problem = await act(shop);
        if (problem is null)
        {
            var productIds = await db.Products.Where(p => p.ShopId == id).Select(p => p.Id).ToListAsync();
            foreach (var productId in productIds) await pages.ProductChangedAsync(productId, id);
            await pages.ShopChangedAsync(id);
        }
        this.Flash(t[problem ?? doneKey, shop.Name]);
        return Redirect($"/admin/shops/{id}");
    }

    private async Task<IActionResult> WithProductAsync(long id, Func<Product, Task<string?>> act, string doneKey)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id);
        if (product is null) return NotFound();
        var problem = await act(product);
        if (problem is null) await pages.ProductChangedAsync(id, product.ShopId);
        this.Flash(t[problem ?? doneKey, product.Title]);
        return Redirect($"/admin/products/{id}");
    }
}
