using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// The shared cache on Redis when "Redis:Configuration" is set (with the node's one RedisConnection and a
/// "/health" check), in the process's memory otherwise: one node alone shares with nobody.
/// </summary>
public static class SharedCaching
{
    public static IServiceCollection AddRedSharedCache(this IServiceCollection services, IConfiguration config)
    {
        if (RedisConnection.From(config) is { } redis)
        {
            services.AddSingleton(_ => redis); // made by a factory, so the container disposes it
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
            services.AddStackExchangeRedisCache(_ => { });
            services.AddOptions<RedisCacheOptions>().Configure<RedisConnection>((options, connection) =>
            {
                options.ConnectionMultiplexerFactory = connection.MultiplexerAsync;
                options.InstanceName = connection.InstanceName + "cache:";
            });
        }
        else
        {
            services.AddDistributedMemoryCache();
        }
        services.AddSingleton<SharedCache>();
        return services;
    }
}
