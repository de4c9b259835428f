using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// One partition of a rate limit (one address or member under one policy) counted in Redis, so every
/// node draws from the same permits: the window's counter is one key, raised and given its expiry in
/// one Lua script (atomic on the server), and a refusal carries the key's remaining time as RetryAfter,
/// exactly as the in-process FixedWindowRateLimiter does. The window starts with its first request.
///
/// Redis answers asynchronously, so the synchronous AttemptAcquire always declines without a Retry-After;
/// the rate-limiting middleware then asks AcquireAsync, which decides. When Redis cannot be reached the
/// partition falls back to an in-process fixed window with the same numbers: the limit then holds per
/// node, as it does without Redis, rather than not at all.
/// </summary>
public sealed class RedisFixedWindowLimiter(RedisConnection redis, string key, FixedWindowRateLimiterOptions options, ILogger logger) : RateLimiter
{
    // Adds the permits asked for; returns the window's count after them and its remaining milliseconds.
    private const string CountScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    private readonly RedisKey[] _keys = [redis.InstanceName + "rate:" + key];
    private readonly long _windowMilliseconds = (long)options.Window.TotalMilliseconds;
    private readonly Lazy<FixedWindowRateLimiter> _fallback = new(() => new FixedWindowRateLimiter(options));
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Declined;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount > options.PermitLimit) throw new ArgumentOutOfRangeException(nameof(permitCount));
        if (permitCount == 0) return Lease.Granted;
        try
        {
            var database = await redis.DatabaseAsync();
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(CountScript, _keys, [_windowMilliseconds, permitCount]))!;
            var count = (long)result[0];
            return count <= options.PermitLimit ? Lease.Granted : Lease.Refused(TimeSpan.FromMilliseconds(Math.Max(1, (long)result[1])));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Rate-limit counter {Key} unreachable in Redis; this node counts alone for now", _keys[0]);
            return await _fallback.Value.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _fallback.IsValueCreated) _fallback.Value.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Declined = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
