using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Web.Infrastructure;

namespace RedMvc.Web.Features.Admin;

public record BrandCandidate(string Handle, string DisplayName, bool IsBrand, string? ShopHandle);

public record BrandsPage(string? Query, BrandCandidate? Found, IReadOnlyList<BrandCandidate> Brands);

/// <summary>Staff make a member a brand: the role and the member's shop arrive together.</summary>
[Authorize(Policy = Policies.Staff)]
public class AdminController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("/admin/brands")]
    public async Task<IActionResult> Brands(string? handle)
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
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await users.IsInRoleAsync(user, Roles.Brand))
        {
            var added = await users.AddToRoleAsync(user, Roles.Brand);
            if (!added.Succeeded) throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        }
        if (!await db.Shops.AnyAsync(s => s.OwnerId == user.Id))
        {
            if (await db.Shops.AnyAsync(s => s.Handle == user.Handle))
            {
                this.Flash(t["Admin.Brands.HandleTaken", user.Handle]);
                return Redirect($"/admin/brands?handle={Uri.EscapeDataString(user.Handle)}");
            }
            db.Shops.Add(new Shop(user.Id, user.Handle, user.DisplayName, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
        this.Flash(t["Admin.Brands.Granted", user.DisplayName]);
        return Redirect($"/admin/brands?handle={Uri.EscapeDataString(user.Handle)}");
    }
}
