using System.Net;
using System.Text.RegularExpressions;

namespace RedMvc.Bench.Images;

/// <summary>
/// A member driving a running site over HTTP the way a browser does: registers, confirms the email
/// from the site's pickup folder, and posts notes with photos through the real forms.
/// </summary>
public sealed partial class SiteMember(Uri site, string mailPickup) : IDisposable
{
    private const string Password = "bench-teapot-harbour";
    private readonly HttpClient client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromMinutes(5),
    };

    public async Task RegisterAsync(string handle)
    {
        var email = $"{handle}@bench.redmvc.local";
        await PostFormAsync("/account/register", new MultipartFormDataContent
        {
            { new StringContent(email), "Email" },
            { new StringContent(handle), "DisplayName" },
            { new StringContent(handle), "Handle" },
            { new StringContent(Password), "Password" },
        }, formPage: "/account/register");
        var link = await ConfirmationLinkAsync(email);
        (await client.GetAsync(link)).EnsureSuccessStatusCode();
    }

    /// <summary>Publishes a note with one photo; returns once the site has accepted it (processing goes on in the background).</summary>
    public async Task PostNoteAsync(string title, byte[] photo, string fileName)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "Title" },
            { new StringContent("A big photo for the memory benchmark."), "Body" },
            { new StringContent("travel"), "Channel" },
            { new StringContent("Publish"), "Action" },
            { new ByteArrayContent(photo), "Photos", fileName },
        };
        var response = await PostFormAsync("/notes/new", form, formPage: "/notes/new");
        if (!response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/notes/", StringComparison.Ordinal) || response.RequestMessage.RequestUri.AbsolutePath == "/notes/new")
            throw new InvalidOperationException($"The note was not posted: {response.StatusCode} {response.RequestMessage.RequestUri}");
    }

    private async Task<HttpResponseMessage> PostFormAsync(string action, MultipartFormDataContent form, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        form.Add(new StringContent(AntiforgeryToken().Match(page).Groups[1].Value), "__RequestVerificationToken");
        var response = await client.PostAsync(action, form);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>The link in the newest message to this address, quoted-printable undone.</summary>
    private async Task<string> ConfirmationLinkAsync(string email)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            foreach (var file in Directory.Exists(mailPickup) ? Directory.GetFiles(mailPickup, "*.eml") : [])
            {
                string message;
                try { message = await File.ReadAllTextAsync(file); }
                catch (IOException) { continue; } // still being written
                message = message.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
                if (!message.Contains(email, StringComparison.OrdinalIgnoreCase)) continue;
                var link = ConfirmLink().Match(message);
                if (link.Success) return WebUtility.HtmlDecode(link.Value);
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"No confirmation email for {email} in {mailPickup}");
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("https?://[^\\s\"<>]+/account/confirm-email\\?[^\\s\"<>]+")]
    private static partial Regex ConfirmLink();
}
