using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RedMvc.Web.Tests;

/// <summary>A person with a browser-like client: cookies, real forms, antiforgery tokens from the page.</summary>
public class Visitor(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<Page> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return await Page.FromAsync(response);
    }

    /// <summary>Opens the page, fills the form whose action is formAction, and submits it as a browser would.</summary>
    public async Task<Page> SubmitAsync(string pageUrl, string formAction, IDictionary<string, string> fields)
    {
        var page = await GetAsync(pageUrl);
        return await page.SubmitAsync(client, formAction, fields);
    }

    /// <summary>A form post a page of this site would not offer (another member's id, a forged address): the token is the visitor's own.</summary>
    public async Task<Page> PostWithTokenAsync(string url, Dictionary<string, string>? fields = null)
    {
        var settings = await GetAsync("/settings");
        var token = settings.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var values = (fields ?? []).Append(new("__RequestVerificationToken", token));
        return await Page.FromAsync(await client.PostAsync(url, new FormUrlEncodedContent(values)));
    }

    public record Page(HttpResponseMessage Response, IHtmlDocument Document, string Html)
    {
        public HttpStatusCode Status => Response.StatusCode;
        public string Url => Response.RequestMessage!.RequestUri!.PathAndQuery;
        public string Text => Document.Body?.TextContent ?? "";

        public static async Task<Page> FromAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response, Parser.ParseDocument(html), html);
        }

        public IHtmlFormElement Form(string action) =>
            Document.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {Url}:\n{Html[..Math.Min(Html.Length, 2000)]}");

        public string? FieldError(string field) =>
            Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } error ? error : null;

        /// <summary>Posts a multipart form (with files) carrying the page's antiforgery token.</summary>
        public async Task<Page> SubmitMultipartAsync(HttpClient http, string formAction, IEnumerable<KeyValuePair<string, string>> fields,
            IEnumerable<(string Name, string FileName, byte[] Content)> files)
        {
            var form = Form(formAction);
            using var content = new MultipartFormDataContent();
            var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
            if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
            foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
            foreach (var (name, fileName, bytes) in files)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
                content.Add(file, name, fileName);
            }
            var response = await http.PostAsync(formAction, content);
            return await FromAsync(response);
        }

        public async Task<Page> SubmitAsync(HttpClient http, string formAction, IDictionary<string, string> fields)
        {
            var form = Form(formAction);
            var values = new List<KeyValuePair<string, string>>();
            foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
            {
                if (fields.ContainsKey(input.Name!)) continue;
                if (input.Type is "checkbox" && !input.IsChecked) continue;
                values.Add(new(input.Name!, input.Value));
            }
            values.AddRange(fields);
            var response = await http.PostAsync(formAction, new FormUrlEncodedContent(values));
            return await FromAsync(response);
        }
    }
}
