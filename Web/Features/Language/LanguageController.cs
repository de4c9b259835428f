using Microsoft.AspNetCore.Localization;

namespace RedMvc.Web.Features.Language;

/// <summary>
/// The language switch in the footer. No antiforgery token: the worst a forged post can do is change
/// someone's language, and a token would make every visitor page uncacheable (docs/decisions/0003).
/// </summary>
[IgnoreAntiforgeryToken]
public class LanguageController(UserManager<AppUser> users) : Controller
{
    [HttpPost("/language")]
    public async Task<IActionResult> Set(string culture, string? returnUrl)
    {
        if (!MvcSetup.Cultures.Any(c => c.Name == culture)) return BadRequest();
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        // Signed-in members also get their email in this language.
        if (await users.GetUserAsync(User) is { } user && user.Culture != culture)
        {
            user.Culture = culture;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
