namespace RedMvc.Domain.Data;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

/// <summary>Bound from the "Database" configuration section.</summary>
public class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string. For SQLite the default is a file in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStartup { get; set; } = true;
}
