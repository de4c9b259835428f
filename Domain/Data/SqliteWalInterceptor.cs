using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RedMvc.Domain.Data;

/// <summary>
/// WAL lets readers and one writer work at once; the busy timeout makes a writer wait for the lock
/// instead of failing at once with "database is locked".
/// The pragmas belong to the native connection, which the pool keeps open between requests, so they
/// run once per native handle instead of on every Open (a prepared statement on every request was a
/// measurable share of a page, docs/benchmarks.md).
/// </summary>
public sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteWalInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    // Native handles already set up; an entry goes when the pool finally closes its handle.
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNewHandle(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNewHandle(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool IsNewHandle(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
