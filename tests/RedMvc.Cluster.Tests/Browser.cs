using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RedMvc.Cluster.Tests;

/// <summary>
/// A person's browser: one cookie jar for the whole host (cookies do not depend on the port, so the
/// session follows the person from nginx to either web process), redirects followed, real forms
/// with the page's antiforgery token. A form is posted back to the node its page came from.
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public Browser(Uri site)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = true };
        _http = new HttpClient(handler) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    public async Task<Page> GetAsync(string url) => await Page.FromAsync(await _http.GetAsync(url));

    public Task<Page> GetAsync(Uri node, string path) => GetAsync(new Uri(node, path).ToString());

    public Task<HttpResponseMessage> GetRawAsync(string url) => _http.GetAsync(url);

    /// <summary>Opens the page, fills the form whose action is formAction and submits it.</summary>
    public async Task<Page> SubmitAsync(string pageUrl, string formAction, IDictionary<string, string>? fields = null) =>
        await SubmitAsync(await GetAsync(pageUrl), formAction, fields);

    /// <summary>Submits a form of this page as a browser does: its inputs (checked boxes and radios only), then the given fields.</summary>
    public async Task<Page> SubmitAsync(Page page, string formAction, IDictionary<string, string>? fields = null)
    {
        fields ??= new Dictionary<string, string>();
        var form = page.Form(formAction);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (fields.ContainsKey(input.Name!)) continue;
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            values.Add(new(input.Name!, input.Value));
        }
        values.AddRange(fields);
        return await Page.FromAsync(await _http.PostAsync(page.Resolve(formAction), new FormUrlEncodedContent(values)));
    }

    /// <summary>A multipart form with files, carrying the page's antiforgery token.</summary>
    public async Task<Page> SubmitMultipartAsync(Page page, string formAction, IDictionary<string, string> fields,
        IEnumerable<(string Name, string FileName, byte[] Content)> files)
    {
        var form = page.Form(formAction);
        using var content = new MultipartFormDataContent();
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        foreach (var (name, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, name, fileName);
        }
        return await Page.FromAsync(await _http.PostAsync(page.Resolve(formAction), content));
    }

    public void Dispose() => _http.Dispose();

    public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document, string Html)
    {
        public HttpStatusCode Status => Response.StatusCode;
        public Uri Uri => Response.RequestMessage!.RequestUri!;

        /// <summary>Path and query of the page finally shown (after redirects).</summary>
        public string Url => Uri.PathAndQuery;

        public string Text => Document.Body?.TextContent ?? "";

        /// <summary>The layout shows a signed-in member's handle in the header.</summary>
        public bool ShowsSignedIn(Person person) => Status == HttpStatusCode.OK && Text.Contains("@" + person.Handle);

        public Uri Resolve(string path) => new(Uri, path);

        public static async Task<Page> FromAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response, Parser.ParseDocument(html), html);
        }

        public IHtmlFormElement Form(string action) =>
            Document.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {Url} ({(int)Status}):\n{Html[..Math.Min(Html.Length, 1500)]}");

        public override string ToString() => $"{(int)Status} {Url}";
    }
}
