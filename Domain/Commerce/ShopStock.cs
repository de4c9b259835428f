using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Commerce;

/// <summary>
/// Every change of stock is one conditional UPDATE whose affected-row count says whether it
/// happened, so any number of buyers, retries and workers can never take stock below zero.
/// </summary>
public static class ShopStock
{
    public static async Task<bool> TryReserveAsync(AppDbContext db, long variantId, int quantity, CancellationToken cancellationToken = default) =>
        quantity > 0 && await db.ProductVariants.Where(v => v.Id == variantId && v.Stock >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Stock, v => v.Stock - quantity), cancellationToken) == 1;

    /// <summary>The brand's manual change, with who and why; refused (null) when it would go below zero; a reason the rule refuses throws.</summary>
    public static async Task<int?> AdjustAsync(AppDbContext db, long variantId, int delta, string reason, string byUserId, DateTime now, CancellationToken cancellationToken = default)
    {
        var why = StockAdjustment.ReasonRule.Check(reason);
        if (why.ErrorKey("Stock.Error.ReasonRequired", "Stock.Error.ReasonTooLong") is { } error) throw new ShopRuleException(error);
        // Refused before any arithmetic: stock and delta stay within MaxStock, so their sum never overflows.
        if (delta is > ProductVariant.MaxStock or < -ProductVariant.MaxStock) return null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.ProductVariants.Where(v => v.Id == variantId && v.Stock + delta >= 0 && v.Stock + delta <= ProductVariant.MaxStock)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Stock, v => v.Stock + delta), cancellationToken);
        if (changed == 0) return null;
        var stock = await db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync(cancellationToken);
        db.StockAdjustments.Add(new StockAdjustment(variantId, delta, stock, why.Value, byUserId, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stock;
    }

    /// <summary>
    /// Puts a cancelled (or returned-with-restock) order's stock back, once: the order's flag and
    /// the stock change commit together, and the order's version token stops a second runner.
    /// </summary>
    public static async Task<bool> ReleaseOrderAsync(AppDbContext db, Order order, CancellationToken cancellationToken = default)
    {
        if (!order.NeedsStockRelease) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var line in order.Lines)
            await db.ProductVariants.Where(v => v.Id == line.VariantId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Stock, v => v.Stock + line.Quantity), cancellationToken);
        order.MarkStockReleased();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
