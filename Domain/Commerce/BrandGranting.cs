using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Commerce;

/// <summary>Making a member a brand: the Brand role and their shop arrive together or not at all.</summary>
public static class BrandGranting
{
    /// <summary>
    /// Grants the role and opens the shop at /shops/{handle}, named after the member, in one
    /// transaction; granting twice changes nothing. Returns the problem's resource key, or null.
    /// </summary>
    public static async Task<string?> GrantAsync(AppDbContext db, UserManager<AppUser> users, AppUser user, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await users.IsInRoleAsync(user, Roles.Brand))
        {
            var added = await users.AddToRoleAsync(user, Roles.Brand);
            if (!added.Succeeded) throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        }
        if (!await db.Shops.AnyAsync(s => s.OwnerId == user.Id, cancellationToken))
        {
            if (await db.Shops.AnyAsync(s => s.Handle == user.Handle, cancellationToken)) return "Admin.Brands.HandleTaken";
            db.Shops.Add(new Shop(user.Id, user.Handle, user.DisplayName, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
