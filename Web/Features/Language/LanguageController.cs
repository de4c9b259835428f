using Microsoft.AspNetCore.Localization;

namespace RedMvc.Web.Features.Language;

/// <summary>
/// The language switch in the footer. No antiforgery token: the worst a forged post can do is change this browser's
/// language, and a token would make every visitor page uncacheable (docs/decisions/0003). So it sets only the
/// cookie; a member's email language is an account setting, changed on the profile settings page behind a token.
/// </summary>
[IgnoreAntiforgeryToken]
public class LanguageController : Controller
{
    [HttpPost("/language")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (!MvcSetup.Cultures.Any(c => c.Name == culture)) return BadRequest();
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
