namespace RedMvc.Testing;

/// <summary>
/// The PostgreSQL server the test command starts (REDMVC_TEST_POSTGRES, a connection string without a
/// database). When it is set, every test host gets a database of its own on it instead of a SQLite file;
/// the migrations create it on start-up, and the whole cluster is thrown away after the run.
/// </summary>
public sealed record ServerDatabase(string ConnectionString)
{
    public const string Variable = "REDMVC_TEST_POSTGRES";

    public static ServerDatabase? FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? new ServerDatabase(value) : null;

    /// <summary>A connection string to a new, uniquely named database; small pools, so many hosts fit in one server.</summary>
    public string NewDatabase() =>
        $"{ConnectionString};Database=redmvc_{Guid.NewGuid():N};Maximum Pool Size=20;Connection Idle Lifetime=15";
}
