using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Commerce;

/// <summary>
/// A member's addresses. Exactly one is the default whenever there are any: the first one added,
/// the one the member picks, or the newest left after the default is deleted. Every method takes
/// the owner, so one member can never reach another's address (the caller answers 404).
/// </summary>
public static class AddressBook
{
    public const int MaxAddresses = 20;

    /// <returns>The new address, or null when the book is full.</returns>
    public static async Task<Address?> AddAsync(AppDbContext db, string userId, ShippingAddress value, bool makeDefault, CancellationToken cancellationToken = default)
    {
        var count = await db.Addresses.CountAsync(a => a.UserId == userId, cancellationToken);
        if (count >= MaxAddresses) return null;
        var address = new Address(userId, value, isDefault: false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (makeDefault || count == 0) await ClearDefaultAsync(db, userId, cancellationToken);
        address.IsDefault = makeDefault || count == 0;
        db.Addresses.Add(address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return address;
    }

    public static async Task<bool> UpdateAsync(AppDbContext db, string userId, long addressId, ShippingAddress value, CancellationToken cancellationToken = default)
    {
        var address = await db.Addresses.SingleOrDefaultAsync(a => a.Id == addressId && a.UserId == userId, cancellationToken);
        if (address is null) return false;
        address.Update(value);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static async Task<bool> SetDefaultAsync(AppDbContext db, string userId, long addressId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Addresses.AnyAsync(a => a.Id == addressId && a.UserId == userId, cancellationToken)) return false;
        await ClearDefaultAsync(db, userId, cancellationToken);
        await db.Addresses.Where(a => a.Id == addressId).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, true), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Orders keep their own copy of the address, so deleting never touches an order.</summary>
    public static async Task<bool> DeleteAsync(AppDbContext db, string userId, long addressId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var address = await db.Addresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == addressId && a.UserId == userId, cancellationToken);
        if (address is null) return false;
        await db.Addresses.Where(a => a.Id == addressId).ExecuteDeleteAsync(cancellationToken);
        if (address.IsDefault)
        {
            var newest = await db.Addresses.Where(a => a.UserId == userId).OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (newest is not null)
                await db.Addresses.Where(a => a.Id == newest).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, true), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task<int> ClearDefaultAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Addresses.Where(a => a.UserId == userId && a.IsDefault).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, false), cancellationToken);
}
