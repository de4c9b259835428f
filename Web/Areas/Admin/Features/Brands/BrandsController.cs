namespace RedMvc.Web.Areas.Admin.Features.Brands;

public record BrandCandidate(string Handle, string DisplayName, bool IsBrand, string? ShopHandle);

public record BrandsPage(string? Query, BrandCandidate? Found, IReadOnlyList<BrandCandidate> Brands);

/// <summary>Staff make a member a brand: the role and the member's shop arrive together (BrandGranting).</summary>
public class BrandsController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t) : AdminController
{
    [HttpGet("/admin/brands")]
    public async Task<IActionResult> Index(string? handle)
    {
        var query = handle?.Trim().TrimStart('@');
        BrandCandidate? found = null;
        if (!string.IsNullOrEmpty(query) && await users.FindByNameAsync(query) is { } user)
            found = new BrandCandidate(user.Handle, user.DisplayName, await users.IsInRoleAsync(user, Roles.Brand),
                await db.Shops.Where(s => s.OwnerId == user.Id).Select(s => s.Handle).SingleOrDefaultAsync());
        var brands = await db.Shops.AsNoTracking().OrderBy(s => s.Handle)
            .Join(db.Users, s => s.OwnerId, u => u.Id, (s, u) => new BrandCandidate(u.Handle, u.DisplayName, true, s.Handle))
            .Take(200).ToListAsync();
        return View(new BrandsPage(query, found, brands));
    }

    [HttpPost("/admin/brands/grant")]
    public async Task<IActionResult> Grant(string handle)
    {
        var user = await users.FindByNameAsync((handle ?? "").Trim());
        if (user is null) return NotFound();
        var problem = await BrandGranting.GrantAsync(db, users, user, clock.GetUtcNow().UtcDateTime);
        this.Flash(problem is null ? t["Admin.Brands.Granted", user.DisplayName] : t[problem, user.Handle]);
        return Redirect($"/admin/brands?handle={Uri.EscapeDataString(user.Handle)}");
    }
}
