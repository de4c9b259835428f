using Microsoft.AspNetCore.WebUtilities;
using RedMvc.Workers;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Absolute links for email sent from a request: the configured Site:PublicBaseUrl, else (in
/// Development) the request's own origin, so a link works on whatever host and port the site runs.
/// </summary>
public class PublicLinks(SiteLinks site, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        if (site.IsConfigured || http.HttpContext?.Request is not { } request) return site.Absolute(pathAndQuery);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
