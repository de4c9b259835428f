using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Moderation;

/// <summary>
/// Staff decisions on shops and products: suspend or restore a shop, take a product down or restore it.
/// Each is one save: the change, the products it withholds or releases (their search rows follow from
/// the save), and the audit entry. Nothing is deleted. Returns the resource key of a refusal, or null.
/// </summary>
public static class CatalogueDesk
{
    /// <summary>Makes the member a brand with their shop (BrandGranting); granting twice changes nothing and is audited once.</summary>
    public static async Task<string?> GrantBrandAsync(AppDbContext db, UserManager<AppUser> users, StaffActor actor, AppUser member, string? reason, DateTime now,
        CancellationToken cancellationToken = default)
    {
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        var hadShop = await db.Shops.AnyAsync(s => s.OwnerId == member.Id, cancellationToken);
        if (await BrandGranting.GrantAsync(db, users, member, now, cancellationToken) is { } problem) return problem;
        if (hadShop) return null;
        var shopId = await db.Shops.Where(s => s.OwnerId == member.Id).Select(s => s.Id).SingleAsync(cancellationToken);
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, "shop.grant", "Shop", Id(shopId), member.Id, "member", "brand", why, now));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public static async Task<string?> SuspendShopAsync(AppDbContext db, StaffActor actor, Shop shop, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        if (!shop.Suspend(why, now)) return "Admin.Shops.AlreadySuspended";
        foreach (var product in await db.Products.Where(p => p.ShopId == shop.Id).ToListAsync(cancellationToken)) product.WithholdWithShop();
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, "shop.suspend", "Shop", Id(shop.Id), shop.OwnerId, "open", "suspended", why, now));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public static async Task<string?> RestoreShopAsync(AppDbContext db, StaffActor actor, Shop shop, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        var before = $"suspended: {shop.SuspensionReason}";
        if (!shop.Restore()) return "Admin.Shops.NotSuspended";
        foreach (var product in await db.Products.Where(p => p.ShopId == shop.Id).ToListAsync(cancellationToken)) product.ReleaseWithShop();
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, "shop.restore", "Shop", Id(shop.Id), shop.OwnerId, before, "open", why, now));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public static async Task<string?> TakeDownProductAsync(AppDbContext db, StaffActor actor, Product product, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        var before = product.Status;
        if (!product.TakeDown(why, now)) return "Admin.Products.AlreadyDown";
        // Reports on it are answered by this: left open, the queue would offer to remove it again (and strike its brand twice).
        var open = await ModerationDesk.OpenReports(db, ReportTarget.Product, Id(product.Id)).ToListAsync(cancellationToken);
        await ModerationDesk.ResolveAsync(db, actor.StaffId, open, ReportOutcome.Removed, now, cancellationToken);
        await AuditAsync(db, actor, "product.takedown", product, before, why, now, cancellationToken);
        return null;
    }

    public static async Task<string?> RestoreProductAsync(AppDbContext db, StaffActor actor, Product product, string? reason, DateTime now, CancellationToken cancellationToken = default)
    {
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        var before = product.Status;
        var shopSuspended = await db.Shops.AnyAsync(s => s.Id == product.ShopId && s.SuspendedAt != null, cancellationToken);
        if (!product.RestoreFromTakedown(shopSuspended)) return "Admin.Products.NotDown";
        await AuditAsync(db, actor, "product.restore", product, before, why, now, cancellationToken);
        return null;
    }

    private static async Task AuditAsync(AppDbContext db, StaffActor actor, string action, Product product, ProductStatus before, string reason, DateTime now,
        CancellationToken cancellationToken)
    {
        var ownerId = await db.Shops.Where(s => s.Id == product.ShopId).Select(s => s.OwnerId).SingleAsync(cancellationToken);
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, action, "Product", Id(product.Id), ownerId,
            $"{before}: {product.Title}", $"{product.Status}: {product.Title}", reason, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Reason(string? text) => Penalty.ReasonRule.Check(text) is { Problem: null } ok ? ok.Value : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
