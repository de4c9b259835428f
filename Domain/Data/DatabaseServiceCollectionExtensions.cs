using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RedMvc.Domain.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "RedMvc.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "RedMvc.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "RedMvc.Migrations.PostgreSql";

    /// <summary>Registers AppDbContext on the configured provider with its own migration set.</summary>
    public static IServiceCollection AddRedDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = ReadOptions(config, contentRoot);
        services.AddSingleton(options);
        services.AddDbContext<AppDbContext>(db => Configure(db, options));
        services.AddSingleton<Moderation.Screening>();
        return services;
    }

    public static DatabaseOptions ReadOptions(IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.Provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {options.Provider}.");
            options.ConnectionString = $"Data Source={Path.Combine(DataPaths.DataFolder(config, contentRoot), "redmvc.db")}";
        }
        return options;
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            db.UseSqlServer(options.ConnectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
        }
        else if (options.Provider == DatabaseProvider.PostgreSql)
        {
            db.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
        }
        else
        {
            var connection = new SqliteConnectionStringBuilder(options.ConnectionString) { DefaultTimeout = 30 };
            db.UseSqlite(connection.ToString(), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
            db.AddInterceptors(SqliteWalInterceptor.Instance);
        }
        // Migrations are generated per provider; a model change without a migration fails a test, not start-up.
        db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
