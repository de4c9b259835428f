using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Commerce;

public record CheckoutLine(long VariantId, int Quantity, long? NoteId);

/// <summary>Shipping per order (per shop): a flat fee, free from a subtotal up. Both are settings (Shop:Shipping).</summary>
public class ShippingRule
{
    public long FlatFen { get; set; } = 1000;
    public long FreeFromFen { get; set; } = 9900;

    public long FeeFor(long subtotalFen) => subtotalFen >= FreeFromFen ? 0 : FlatFen;
}

public abstract record CheckoutResult
{
    /// <summary>The orders (one per shop) and their payment; Repeated when the key had already been used.</summary>
    public record Placed(IReadOnlyList<Order> Orders, Payment Payment, bool Repeated) : CheckoutResult;

    /// <summary>Not enough stock for this variant: nothing was reserved or stored.</summary>
    public record SoldOut(long VariantId) : CheckoutResult;

    /// <summary>The variant is gone or its product is no longer on sale.</summary>
    public record Unavailable(long VariantId) : CheckoutResult;
}

/// <summary>
/// Places orders. The buyer's checkout key (one per checkout page) makes a double click or a
/// resubmit return the same orders; stock is reserved by conditional updates inside the same
/// transaction as the orders, so a failure anywhere leaves no order and no stock taken.
/// </summary>
public static class Checkout
{
    public static async Task<CheckoutResult> PlaceAsync(AppDbContext db, string buyerId, string checkoutKey, ShippingAddress address,
        IReadOnlyList<CheckoutLine> lines, ShippingRule shipping, DateTime now, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(db, buyerId, checkoutKey, cancellationToken) is { } earlier) return earlier;
        if (lines.Count == 0) throw new ShopRuleException("Order.Error.Empty");
        (address, var problems) = AddressRules.Check(address);
        if (problems.Count > 0) throw new ShopRuleException(problems[0].Error);

        var ids = lines.Select(l => l.VariantId).ToList();
        var variants = await db.ProductVariants.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Join(db.Products.Where(p => p.Status == ProductStatus.Active), v => v.ProductId, p => p.Id,
                (v, p) => new { v.Id, v.Name, v.PriceFen, ProductId = p.Id, p.Title, p.ShopId })
            .ToDictionaryAsync(v => v.Id, cancellationToken);
        if (lines.FirstOrDefault(l => !variants.ContainsKey(l.VariantId)) is { } gone) return new CheckoutResult.Unavailable(gone.VariantId);
        var creators = await CreatorsAsync(db, lines, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var line in lines)
                if (!await ShopStock.TryReserveAsync(db, line.VariantId, line.Quantity, cancellationToken))
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    return new CheckoutResult.SoldOut(line.VariantId);
                }

            var orders = lines.GroupBy(l => variants[l.VariantId].ShopId).Select(shop =>
            {
                var orderLines = shop.Select(l =>
                {
                    var v = variants[l.VariantId];
                    var creator = l.NoteId is { } noteId && creators.TryGetValue(noteId, out var c) ? c : null;
                    return new OrderLine(v.ProductId, v.Id, v.Title, v.Name, v.PriceFen, l.Quantity, creator is null ? null : l.NoteId, creator);
                }).ToList();
                return Order.Place(buyerId, shop.Key, $"{checkoutKey}:{shop.Key}", address, orderLines, shipping.FeeFor(orderLines.Sum(x => x.LineTotalFen)), now);
            }).ToList();
            db.Orders.AddRange(orders);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var order in orders) order.AssignNumber();
            var payment = new Payment(buyerId, checkoutKey, orders.Sum(o => o.TotalFen), now);
            db.Payments.Add(payment);
            await db.SaveChangesAsync(cancellationToken);
            await db.CartItems.Where(i => i.UserId == buyerId && ids.Contains(i.VariantId)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new CheckoutResult.Placed(orders, payment, Repeated: false);
        }
        catch (DbUpdateException)
        {
            // The same checkout raced in from another request (double click): its orders won the unique key.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await FindAsync(db, buyerId, checkoutKey, cancellationToken) ?? throw new InvalidOperationException("Checkout failed without a competing order.");
        }
    }

    /// <summary>The orders and payment an earlier use of this checkout key made, or null.</summary>
    public static async Task<CheckoutResult.Placed?> FindAsync(AppDbContext db, string buyerId, string checkoutKey, CancellationToken cancellationToken = default)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.BuyerId == buyerId && p.CheckoutKey == checkoutKey, cancellationToken);
        if (payment is null) return null;
        var orders = await OrdersOfAsync(db, payment, cancellationToken);
        return new CheckoutResult.Placed(orders, payment, Repeated: true);
    }

    public static Task<List<Order>> OrdersOfAsync(AppDbContext db, Payment payment, CancellationToken cancellationToken = default)
    {
        var prefix = payment.CheckoutKey + ":";
        return db.Orders.Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .Where(o => o.BuyerId == payment.BuyerId && o.IdempotencyKey.StartsWith(prefix)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Attribution: the author of each note the buyer came from (published notes only).</summary>
    private static async Task<Dictionary<long, string>> CreatorsAsync(AppDbContext db, IReadOnlyList<CheckoutLine> lines, CancellationToken cancellationToken)
    {
        var noteIds = lines.Where(l => l.NoteId is not null).Select(l => l.NoteId!.Value).Distinct().ToList();
        if (noteIds.Count == 0) return [];
        return await db.Notes.Where(n => noteIds.Contains(n.Id) && n.Status == Notes.NoteStatus.Published)
            .ToDictionaryAsync(n => n.Id, n => n.AuthorId, cancellationToken);
    }
}
