using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace RedMvc.Web.Infrastructure;

public static class MvcSetup
{
    public const string DefaultCulture = "zh-CN";
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddRedMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                mvc.Filters.Add(new OversizedBodies());
                mvc.Filters.Add(new UnreadableForms());
                mvc.ModelBinderProviders.Insert(0, new DecimalIntegers());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddRazorOptions(razor =>
            {
                // One folder per feature: Features/{Controller}/{View}.cshtml, shared bits in Features/Shared.
                razor.ViewLocationFormats.Clear();
                razor.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                razor.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                razor.AreaViewLocationFormats.Clear();
                razor.AreaViewLocationFormats.Add("/Areas/{2}/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
                razor.AreaViewLocationFormats.Add("/Areas/{2}/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                razor.AreaViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            });

        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        services.AddScoped<PublicLinks>();
        services.AddScoped<Features.Notes.NoteQueries>();
        services.AddScoped<Areas.Admin.Features.Reports.ReviewQueue>();
        services.AddScoped<Areas.Admin.Features.Shared.StaffNames>();
        services.AddSingleton<Features.Shared.SuspendedTokens>();
        services.AddScoped<Areas.Admin.ModerationEffects>();
        services.AddScoped<Features.Discover.DiscoverQueries>();
        services.AddScoped<Features.Discover.PersonalMix>();
        services.AddScoped<Features.Shared.NoteCards>();
        services.AddScoped<Features.Topics.TopicQueries>();
        services.AddScoped<Features.Shared.HotTopics>();
        services.AddMemoryCache(); // this node's copies of shared data read on every page (hot topics, note cards)
        services.AddScoped<Features.Profiles.ProfileQueries>();
        services.AddScoped<Features.Notifications.NotificationQueries>();
        services.AddScoped<Features.Shared.MemberBar>();
        services.AddScoped<Features.Boards.BoardQueries>();
        services.AddScoped<Features.Products.ProductQueries>();
        services.AddScoped<Features.Brand.BrandQueries>();
        services.AddScoped<Features.Shared.CartLines>();
        services.AddScoped<Features.Orders.OrderQueries>();
        services.AddScoped<Features.Shared.NoteShopQueries>();
        services.AddScoped<Features.NoteProducts.ProductSearch>();
        services.AddScoped<Features.Profiles.PeopleQueries>();
        services.AddScoped<Features.Search.SearchQueries>();
        services.AddScoped<Features.Groups.GroupQueries>();
        services.AddScoped<Features.Groups.GroupPictures>();
        services.AddHttpContextAccessor();
        services.AddReaderTimes();

        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // The language switch's cookie first, then the browser's Accept-Language.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>"zh-CN" or "en" for the current request, used as the new member's mail language.</summary>
    public static string CurrentCultureName() =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";
}
