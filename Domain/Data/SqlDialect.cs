using Microsoft.EntityFrameworkCore;

namespace RedMvc.Domain.Data;

/// <summary>
/// Where our SQL differs between SQLite, SQL Server and PostgreSQL: the row limit (write
/// "SELECT {d.Top(n)} ... ORDER BY ... {d.Limit(n)}"; one of the two pieces is empty) and a
/// column in a list of values passed as one Dapper parameter.
/// </summary>
public sealed class SqlDialect
{
    private readonly bool _sqlServer;
    private readonly bool _postgreSql;

    private SqlDialect(bool sqlServer, bool postgreSql) => (_sqlServer, _postgreSql) = (sqlServer, postgreSql);

    public static SqlDialect For(AppDbContext db) => new(db.Database.IsSqlServer(), db.Database.IsNpgsql());

    /// <summary>
    /// A statement, run first in a transaction, that makes another transaction rewriting the same tables
    /// wait for this one: PostgreSQL's snapshot would otherwise let both delete the old rows and insert the
    /// same new keys. Readers still read. SQLite has one writer at a time already.
    /// </summary>
    public string? LockForRewrite(params string[] tables) =>
        _postgreSql ? $"LOCK TABLE {string.Join(", ", tables.Select(t => $"\"{t}\""))} IN EXCLUSIVE MODE"
        : _sqlServer ? string.Concat(tables.Select(t => $"SELECT TOP (0) 1 FROM \"{t}\" WITH (TABLOCK, UPDLOCK, HOLDLOCK);"))
        : null;

    public string Top(int rows) => _sqlServer ? $"TOP ({rows})" : "";

    public string Limit(int rows) => _sqlServer ? "" : $"LIMIT {rows}";

    /// <summary>A boolean column's false as a literal: PostgreSQL's booleans are not numbers.</summary>
    public string False => _postgreSql ? "FALSE" : "0";

    /// <summary>
    /// "column IN @list" with the list as one parameter: Dapper writes out one parameter per value for
    /// SQLite and SQL Server, but hands Npgsql the array itself, which PostgreSQL compares with ANY.
    /// </summary>
    public string InList(string column, string parameter) => _postgreSql ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";
}
