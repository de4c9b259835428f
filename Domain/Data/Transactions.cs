using Microsoft.EntityFrameworkCore;

namespace RedMvc.Domain.Data;

public static class Transactions
{
    /// <summary>
    /// Runs the work in a transaction: the caller's when one is open (the caller commits), else a new
    /// one committed here. A workflow stays all-or-nothing on its own and inside a larger one (a seed).
    /// </summary>
    public static async Task InTransactionAsync(this AppDbContext db, Func<Task> work, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }
}
