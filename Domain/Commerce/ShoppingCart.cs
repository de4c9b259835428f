using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Commerce;

/// <summary>
/// A member's cart. It holds no prices: the cart page and checkout read them from the variant each
/// time, so a price change or a sold-out variant shows up instead of being sold at an old price.
/// </summary>
public static class ShoppingCart
{
    /// <returns>False when the variant is not for sale (unknown, or its product is not active).</returns>
    public static async Task<bool> AddAsync(AppDbContext db, string userId, long variantId, int quantity, long? noteId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!await IsOnSaleAsync(db, variantId, cancellationToken)) return false;
        if (await AddOrIncreaseAsync(db, userId, variantId, quantity, noteId, now, cancellationToken)) return true;
        // A second tab added the same variant between our read and our insert: add to its row instead.
        db.ChangeTracker.Clear();
        return await AddOrIncreaseAsync(db, userId, variantId, quantity, noteId, now, cancellationToken);
    }

    private static async Task<bool> AddOrIncreaseAsync(AppDbContext db, string userId, long variantId, int quantity, long? noteId, DateTime now, CancellationToken cancellationToken)
    {
        var item = await db.CartItems.SingleOrDefaultAsync(i => i.UserId == userId && i.VariantId == variantId, cancellationToken);
        if (item is null) db.CartItems.Add(new CartItem(userId, variantId, Math.Clamp(quantity, 1, CartItem.MaxQuantity), noteId, now));
        else item.AddMore(quantity, noteId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (item is null)
        {
            return false;
        }
    }

    /// <returns>False when the variant is not in this member's cart.</returns>
    public static async Task<bool> SetQuantityAsync(AppDbContext db, string userId, long variantId, int quantity, CancellationToken cancellationToken = default)
    {
        var item = await db.CartItems.SingleOrDefaultAsync(i => i.UserId == userId && i.VariantId == variantId, cancellationToken);
        if (item is null) return false;
        item.SetQuantity(quantity);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <returns>False when the variant was not in this member's cart.</returns>
    public static async Task<bool> RemoveAsync(AppDbContext db, string userId, long variantId, CancellationToken cancellationToken = default) =>
        await db.CartItems.Where(i => i.UserId == userId && i.VariantId == variantId).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>What checkout is asked to buy: the cart as it is now, oldest line first.</summary>
    public static async Task<List<CheckoutLine>> LinesAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        await db.CartItems.AsNoTracking().Where(i => i.UserId == userId).OrderBy(i => i.AddedAt).ThenBy(i => i.VariantId)
            .Select(i => new CheckoutLine(i.VariantId, i.Quantity, i.NoteId)).ToListAsync(cancellationToken);

    private static Task<bool> IsOnSaleAsync(AppDbContext db, long variantId, CancellationToken cancellationToken) =>
        db.ProductVariants.AnyAsync(v => v.Id == variantId && db.Products.Any(p => p.Id == v.ProductId && p.Status == ProductStatus.Active), cancellationToken);
}
