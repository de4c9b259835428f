using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RedMvc.Web.Infrastructure;

/// <summary>Per-address limits on the endpoints attackers hammer. Numbers come from "RateLimits:{Policy}".</summary>
public static class RateLimits
{
    public const string SignIn = "SignIn";
    public const string Register = "Register";
    public const string PasswordReset = "PasswordReset";
    public const string Posting = "Posting";
    public const string Commenting = "Commenting";
    public const string Checkout = "Checkout";

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
            foreach (var name in new[] { SignIn, Register, PasswordReset, Posting, Commenting, Checkout })
                AddPolicy(options, config, name);
        });
        return services;
    }

    private static void AddPolicy(RateLimiterOptions options, IConfiguration config, string name)
    {
        var section = config.GetSection($"RateLimits:{name}");
        var permits = section.GetValue("PermitLimit", 10);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        options.AddPolicy(name, http => RateLimitPartition.GetFixedWindowLimiter(
            // Members are limited per account, visitors per address.
            http.User.Identity?.IsAuthenticated == true ? "user:" + http.User.Identity.Name : http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
    }
}
