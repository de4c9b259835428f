using StackExchange.Redis;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// The one Redis connection of a web node, present only when "Redis:Configuration" is set: the shared
/// cache, the output cache store and the rate-limit counters use it (and the SignalR backplane will,
/// once messages exist). Every key starts with "Redis:InstanceName" (default "redmvc:"), so several
/// sites can share a Redis. A node that cannot reach Redis keeps serving: commands fail fast instead
/// of queueing, and each user falls back to what a node does without Redis (see SharedCache,
/// FailSoftOutputCacheStore, RedisFixedWindowLimiter).
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    public const string ConfigurationKey = "Redis:Configuration";

    private readonly ConfigurationOptions _options;
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    private RedisConnection(ConfigurationOptions options, string instanceName)
    {
        _options = options;
        InstanceName = instanceName;
        _connection = new(ConnectAsync);
    }

    /// <summary>The prefix of every key this site writes.</summary>
    public string InstanceName { get; }

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config[ConfigurationKey]);

    /// <summary>The connection, or null when Redis is not configured. A malformed setting fails here, at start-up.</summary>
    public static RedisConnection? From(IConfiguration config)
    {
        if (!IsConfigured(config)) return null;
        var options = ConfigurationOptions.Parse(config[ConfigurationKey]!);
        // Keep retrying in the background rather than failing the first request, and fail commands at
        // once while disconnected: a cache that answers in 5 seconds is worse than no cache.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "redmvc-web";
        var instanceName = config["Redis:InstanceName"];
        return new RedisConnection(options, string.IsNullOrWhiteSpace(instanceName) ? "redmvc:" : instanceName);
    }

    public Task<IConnectionMultiplexer> MultiplexerAsync() => _connection.Value;

    public async Task<IDatabase> DatabaseAsync() => (await MultiplexerAsync()).GetDatabase();

    private async Task<IConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(_options);

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }
}
