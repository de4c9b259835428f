using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Per-address limits on the endpoints attackers hammer. Numbers come from "RateLimits:{Policy}".
/// Each node counts in its own memory; with "Redis:Configuration" set the counters live in Redis
/// (RedisFixedWindowLimiter), so a limit holds across all web nodes instead of once per node.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "SignIn";
    public const string Register = "Register";
    public const string PasswordReset = "PasswordReset";
    public const string Posting = "Posting";
    public const string Commenting = "Commenting";
    public const string Checkout = "Checkout";
    public const string Reporting = "Reporting";

    /// <summary>Search pages and suggestions, per member or address: full-text queries cost the database more than a page.</summary>
    public const string Search = "Search";
    public const string GroupThreads = "GroupThreads";
    public const string GroupReplies = "GroupReplies";
    public const string Messaging = "Messaging";

    public static IServiceCollection AddRedRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            var shared = RedisConnection.IsConfigured(config);
            foreach (var name in new[] { SignIn, Register, PasswordReset, Posting, Commenting, Checkout, Reporting, Search, GroupThreads, GroupReplies, Messaging })
                AddPolicy(options, config, name, shared);
        });
        return services;
    }

    private static void AddPolicy(RateLimiterOptions options, IConfiguration config, string name, bool shared)
    {
        var section = config.GetSection($"RateLimits:{name}");
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = section.GetValue("PermitLimit", 10),
            Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60)),
            QueueLimit = 0,
        };
        options.AddPolicy(name, http =>
        {
            // Members are limited per account, visitors per address.
            var partition = http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.Identity.Name : http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!shared) return RateLimitPartition.GetFixedWindowLimiter(partition, _ => window);
            // Redis sees a hash of the address or account, not the value itself.
            return RateLimitPartition.Get(partition, key => new RedisFixedWindowLimiter(
                http.RequestServices.GetRequiredService<RedisConnection>(), $"{name}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}", window,
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<RedisFixedWindowLimiter>()));
        });
    }
}
