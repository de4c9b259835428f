using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using RedMvc.Domain.Time;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Visitor pages are cached for a short while (they carry no antiforgery forms; the language switch
/// posts without a token, docs/decisions/0003). The default policy already refuses signed-in requests
/// and responses that set a cookie, so a member's page is never stored and never served from here.
/// </summary>
public static class OutputCaching
{
    public const string VisitorPages = "visitor-pages";

    public static IServiceCollection AddRedOutputCache(this IServiceCollection services, IConfiguration config)
    {
        var seconds = config.GetValue("OutputCache:VisitorSeconds", 60);
        services.AddOutputCache(options => options.AddPolicy(VisitorPages, policy => policy
            .With(context => context.HttpContext.User.Identity?.IsAuthenticated != true
                && !context.HttpContext.FlashMayWait()) // a visitor with a flash waiting gets their own page
            .SetVaryByQuery("channel", "after", "sort", "variant", "note")
            .VaryByValue(http => new("culture", http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? ""))
            .VaryByValue(http => new("tz", http.RequestServices.GetRequiredService<Times>().Zone.Id)) // dates shown in the visitor's zone
            .Expire(TimeSpan.FromSeconds(seconds))));
        return services;
    }
}
