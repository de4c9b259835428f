using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// The Redis output cache store, except that Redis being unreachable is a miss: the page is rendered
/// as if nothing were cached (the store itself would throw, and every visitor page would fail).
/// </summary>
public sealed class FailSoftOutputCacheStore(IOutputCacheStore inner, RedisConnection redis, ILogger<FailSoftOutputCacheStore> logger)
    : IOutputCacheStore, IDisposable
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            logger.LogWarning(ex, "The output cache store could not be read");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            logger.LogWarning(ex, "The output cache store could not keep a page");
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
            await UntilRedisRanEarlierCommandsAsync();
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            logger.LogError(ex, "The output cache store could not evict {Tag}; its pages stay until they expire", tag);
        }
    }

    /// <summary>
    /// The package deletes evicted pages fire-and-forget, so eviction returns before they are gone and
    /// another node could still serve the old page. Redis runs one connection's commands in order, so
    /// once a ping on the same connection answers, the deletes have run.
    /// </summary>
    private async Task UntilRedisRanEarlierCommandsAsync() => await (await redis.DatabaseAsync()).PingAsync();

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static bool IsUnreachable(Exception ex) => ex is RedisException or TimeoutException;
}
