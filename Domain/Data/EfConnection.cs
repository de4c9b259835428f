using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace RedMvc.Domain.Data;

public static class EfConnection
{
    /// <summary>
    /// Runs Dapper work on EF's own connection, opened by EF so its connection set-up (the SQLite
    /// pragmas) applies, and closed again after unless EF had it open already.
    /// </summary>
    public static async Task<T> WithConnectionAsync<T>(this AppDbContext db, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work(db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
