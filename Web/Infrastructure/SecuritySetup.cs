using Microsoft.AspNetCore.HttpOverrides;

namespace RedMvc.Web.Infrastructure;

public static class SecuritySetup
{
    /// <summary>HTTPS redirection, HSTS and Secure cookies: on outside Development unless Security:RequireHttps says otherwise.</summary>
    public static bool RequireHttps(IConfiguration config, IHostEnvironment env) =>
        config.GetValue("Security:RequireHttps", !env.IsDevelopment());

    public static IServiceCollection AddRedSecurity(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var secure = RequireHttps(config, env) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        // Data protection (keys in the database) comes with AddRedWorkers: the workers sign unsubscribe links too.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "red.af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = secure);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddRedRateLimits(config);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback proxies are known by default; a proxy elsewhere is named, e.g. Proxy:KnownNetworks:0 = 10.0.0.0/8.
            foreach (var network in config.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
