using Microsoft.AspNetCore.WebUtilities;
using RedMvc.Workers;

namespace RedMvc.Web.Infrastructure;

/// <summary>Absolute links for email: the configured Site:PublicBaseUrl, else the request's own origin.</summary>
public class PublicLinks(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var baseUrl = site.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the origin from");
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return baseUrl.TrimEnd('/') + pathAndQuery;
    }

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
