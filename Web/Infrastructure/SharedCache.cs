using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Shared data kept for a while (a member's mix, profile counts): the one cache the features use, so
/// what one web node stores or forgets every node reads. It sits on IDistributedCache, which is Redis
/// when "Redis:Configuration" is set and the process's memory otherwise (SharedCaching); values are
/// stored as compact JSON either way, so the single-node path runs the same code as the farm.
/// A value's key names its shape: change the key when the shape changes, since nodes of two versions
/// share one Redis during a rolling deploy (a value that no longer reads is treated as missing).
/// Redis being unreachable is a miss, never an error: the page computes the value itself.
/// </summary>
public sealed class SharedCache(IDistributedCache store, ILogger<SharedCache> logger)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The value kept under the key, or null when there is none (or it cannot be read).</summary>
    public async Task<T?> GetAsync<T>(string key, CancellationToken cancellationToken = default) where T : class =>
        await ReadAsync(key, cancellationToken) is { } bytes && TryDeserialize<T>(key, bytes, out var value) ? value : null;

    /// <summary>The value kept under the key; otherwise created, kept for the lifetime, and returned.</summary>
    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan lifetime, Func<Task<T>> create, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(key, cancellationToken) is { } bytes && TryDeserialize<T>(key, bytes, out var kept)) return kept;
        var value = await create();
        await SetAsync(key, value, lifetime, cancellationToken);
        return value;
    }

    public async Task SetAsync<T>(string key, T value, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        try
        {
            await store.SetAsync(key, bytes, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            logger.LogWarning(ex, "The shared cache could not keep {Key}", key);
        }
    }

    /// <summary>Forgets the value on every node. When Redis cannot be reached, other nodes keep theirs until it expires.</summary>
    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.RemoveAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            logger.LogError(ex, "The shared cache could not forget {Key}; other nodes keep it until it expires", key);
        }
    }

    private async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            logger.LogWarning(ex, "The shared cache could not read {Key}", key);
            return null;
        }
    }

    private bool TryDeserialize<T>(string key, byte[] bytes, out T value)
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(bytes, Json)!;
            return value is not null;
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "The shared cache's {Key} no longer reads as {Type}", key, typeof(T).Name);
            value = default!;
            return false;
        }
    }

    private static bool IsUnreachable(Exception ex) => ex is RedisException or TimeoutException;
}
