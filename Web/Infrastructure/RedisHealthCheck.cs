using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace RedMvc.Web.Infrastructure;

/// <summary>"/health" reports a node that cannot reach Redis as degraded: it still serves, with per-node caches and limits.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.DatabaseAsync()).PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }
    }
}
