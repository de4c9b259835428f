using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Tests;

/// <summary>Both migration sets keep up with the model, and the SQL Server one is valid T-SQL.</summary>
public class MigrationGuardTests
{
    private static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        return new AppDbContext(builder.Options);
    }

    private const string SqlServerConnection = "Server=localhost;Database=RedMvcGuard;Trusted_Connection=True;TrustServerCertificate=True";

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run Migrations/add-migration.sh <Name>: the SQLite set is behind the model.");
    }

    private const string PostgreSqlConnection = "Host=localhost;Database=redmvc_guard";

    [Fact]
    public void The_postgresql_migrations_match_the_model()
    {
        using var db = Context(DatabaseProvider.PostgreSql, PostgreSqlConnection);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run Migrations/add-migration.sh <Name>: the PostgreSQL set is behind the model.");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerConnection);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Run Migrations/add-migration.sh <Name>: the SQL Server set is behind the model.");
    }

    [Fact]
    public void Both_sets_have_the_same_migrations_by_name()
    {
        static IEnumerable<string> Names(AppDbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var sqlServer = Context(DatabaseProvider.SqlServer, SqlServerConnection);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    /// <summary>
    /// The PostgreSQL set began later, with one baseline of the whole model; every migration added
    /// after it goes into all three sets (Migrations/add-migration.sh), in the same order.
    /// </summary>
    [Fact]
    public void The_postgresql_set_is_a_baseline_then_the_same_migrations_as_the_others()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(DatabaseProvider.PostgreSql, PostgreSqlConnection);
        var baseline = postgres.Database.GetMigrations().First();
        Assert.EndsWith("_PostgreSqlBaseline", baseline);
        static string Stamp(string id) => id[..id.IndexOf('_')];
        var later = sqlite.Database.GetMigrations().Where(id => string.CompareOrdinal(Stamp(id), Stamp(baseline)) > 0);
        Assert.Equal(later.Select(id => id[(id.IndexOf('_') + 1)..]), postgres.Database.GetMigrations().Skip(1).Select(id => id[(id.IndexOf('_') + 1)..]));
    }

    [Fact]
    public void The_idempotent_sql_server_script_parses_as_t_sql_without_errors()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerConnection);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [EmailOutbox]", script);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public async Task The_sqlite_migrations_build_a_working_database_in_wal_mode()
    {
        var path = Path.Combine(Path.GetTempPath(), $"redmvc-guard-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={path}"))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.EmailOutbox.CountAsync());
                var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
                Assert.Equal("wal", journal.Single());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(file);
        }
    }
}
