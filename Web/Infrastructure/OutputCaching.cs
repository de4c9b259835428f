using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using RedMvc.Domain.Time;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Visitor pages are cached for a short while (they carry no antiforgery forms; the language switch
/// posts without a token, docs/decisions/0003). The default policy already refuses signed-in requests
/// and responses that set a cookie, so a member's page is never stored and never served from here.
/// With "Redis:Configuration" set the pages are kept in Redis, so every node serves what one rendered
/// and a tag evicted on one node is gone from all; otherwise in the process's memory.
/// </summary>
public static class OutputCaching
{
    public const string VisitorPages = "visitor-pages";
    public const string HealthAnswers = "health";

    /// <summary>
    /// A healthy answer of /health is kept for two seconds: a load balancer asking every few seconds
    /// learns the same, and a flood of probes no longer runs two database checks each. Kept per
    /// process (the Redis store is shared by all nodes); an unhealthy answer (503) is never kept.
    /// </summary>
    private static readonly string Process = $"{Environment.MachineName}:{Environment.ProcessId}";

    public static IServiceCollection AddRedOutputCache(this IServiceCollection services, IConfiguration config)
    {
        var seconds = config.GetValue("OutputCache:VisitorSeconds", 60);
        services.AddOutputCache(options => options.AddPolicy(VisitorPages, policy => policy
            .With(context => context.HttpContext.User.Identity?.IsAuthenticated != true
                && !context.HttpContext.FlashMayWait()) // a visitor with a flash waiting gets their own page
            .SetVaryByQuery("channel", "after", "sort", "variant", "note", "tab", "comments") // every query value a cached page reads
            .VaryByValue(http => new("culture", http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? ""))
            .VaryByValue(http => new("tz", http.RequestServices.GetRequiredService<Times>().Zone.Id)) // dates shown in the visitor's zone
            .Expire(TimeSpan.FromSeconds(seconds))));
        services.AddOutputCache(options => options.AddPolicy(HealthAnswers, policy => policy
            .With(context => true) // health answers are the same for members and visitors
            .VaryByValue(_ => new("process", Process))
            .Expire(TimeSpan.FromSeconds(2))));
        services.AddSingleton<PublicPages>();
        if (RedisConnection.IsConfigured(config)) AddRedisStore(services);
        return services;
    }

    private static void AddRedisStore(IServiceCollection services)
    {
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((options, redis) =>
        {
            options.ConnectionMultiplexerFactory = redis.MultiplexerAsync;
            options.InstanceName = redis.InstanceName + "pages:";
        });
        // The package's store (an internal type) wrapped so that an unreachable Redis is a miss.
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<IOutputCacheStore>(sp => new FailSoftOutputCacheStore(
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redisStore.ImplementationType!),
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<ILogger<FailSoftOutputCacheStore>>()));
    }
}
