using Microsoft.EntityFrameworkCore;

namespace RedMvc.Domain.Data;

/// <summary>
/// The one difference between our SQLite and SQL Server SQL: the row limit. Write
/// "SELECT {d.Top(n)} ... ORDER BY ... {d.Limit(n)}"; one of the two pieces is empty.
/// </summary>
public sealed class SqlDialect
{
    private readonly bool _sqlServer;

    private SqlDialect(bool sqlServer) => _sqlServer = sqlServer;

    public static SqlDialect For(AppDbContext db) => new(db.Database.IsSqlServer());

    public string Top(int rows) => _sqlServer ? $"TOP ({rows})" : "";

    public string Limit(int rows) => _sqlServer ? "" : $"LIMIT {rows}";
}
