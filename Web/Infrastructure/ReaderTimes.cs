using System.Security.Claims;
using RedMvc.Domain.Time;
using RedMvc.Workers;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// The zone a page shows times in: the member's saved zone (a claim in the sign-in cookie), else the
/// browser's (the tz cookie that wwwroot/js/tz.js sets from Intl), else the site's (Site:TimeZone,
/// China time). A cookie naming no known zone is ignored. Views get the request's Times as Time.
/// </summary>
public static class ReaderTimes
{
    public const string Cookie = "tz";

    public static TimeZoneInfo? BrowserZone(HttpContext? http) => TimeZones.Find(http?.Request.Cookies[Cookie]);

    public static TimeZoneInfo ZoneOf(HttpContext? http, TimeZoneInfo site) =>
        TimeZones.Find(http?.User.FindFirstValue(RedClaims.TimeZone)) ?? BrowserZone(http) ?? site;

    public static IServiceCollection AddReaderTimes(this IServiceCollection services) =>
        services.AddScoped(sp => new Times(
            ZoneOf(sp.GetRequiredService<IHttpContextAccessor>().HttpContext, TimeZones.SiteDefault(sp.GetRequiredService<IOptions<SiteOptions>>().Value.TimeZone)),
            sp.GetRequiredService<TimeProvider>()));
}
