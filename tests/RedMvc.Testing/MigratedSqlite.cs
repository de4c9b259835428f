using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Testing;

/// <summary>
/// A fresh SQLite file brought up through the real migrations, for Domain rules and services that
/// need a database but no host; deleted on dispose.
/// </summary>
public sealed class MigratedSqlite : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"redmvc-test-{Guid.NewGuid():N}.db");

    private MigratedSqlite() { }

    public AppDbContext Db { get; private set; } = null!;

    public static async Task<MigratedSqlite> CreateAsync()
    {
        var database = new MigratedSqlite();
        database.Db = database.NewContext();
        await database.Db.Database.MigrateAsync();
        return database;
    }

    /// <summary>Another context on the same file, as a second request or job would see it.</summary>
    public AppDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_file}" });
        return new AppDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }
}
