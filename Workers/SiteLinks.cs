using Microsoft.Extensions.Options;

namespace RedMvc.Workers;

/// <summary>
/// The site's absolute address for links that leave it (email), where no request is at hand (a job):
/// Site:PublicBaseUrl, required outside Development; in Development without it, the address the
/// site listens on, so a local run's job mail works on whatever port it runs.
/// </summary>
public class SiteLinks(IOptions<SiteOptions> site)
{
    private string? _listening;

    /// <summary>Null only in a Development process that serves no HTTP (a standalone worker) and was given no address.</summary>
    public string? BaseUrl => string.IsNullOrWhiteSpace(site.Value.PublicBaseUrl) ? _listening : site.Value.PublicBaseUrl.TrimEnd('/');

    public bool IsConfigured => !string.IsNullOrWhiteSpace(site.Value.PublicBaseUrl);

    /// <summary>The web host tells where it listens once it has started.</summary>
    public void UseListeningAddress(string origin) => _listening ??= origin.TrimEnd('/');

    public string Absolute(string pathAndQuery) => (BaseUrl ?? "") + pathAndQuery;

    /// <summary>
    /// Outside Development, mail sent by a job (an order the sweeper cancelled) has no request to take
    /// an address from, so the site and the workers refuse to start without one.
    /// </summary>
    public static void RequireOutsideDevelopment(string? publicBaseUrl, string environment)
    {
        if (string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase)) return;
        if (Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return;
        throw new InvalidOperationException(
            $"Site:PublicBaseUrl must be the site's public address (for example https://red.example.com; environment variable Site__PublicBaseUrl) " +
            $"outside Development: links in email sent by background jobs have no request to take it from. Environment: {environment}; value: '{publicBaseUrl}'.");
    }
}
