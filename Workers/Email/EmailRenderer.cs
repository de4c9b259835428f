using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using RedMvc.Workers.Email.Templates;

namespace RedMvc.Workers.Email;

/// <summary>Renders the Razor email templates to HTML and plain text, outside any HTTP request.</summary>
public class EmailRenderer(IServiceProvider services, ILoggerFactory loggerFactory, SiteLinks links)
{
    public async Task<(string Html, string Text)> RenderAsync(EmailContent content)
    {
        var parameters = new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Content)] = content,
            [nameof(ActionEmail.BaseUrl)] = links.BaseUrl ?? "",
        };
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // Localised strings in the templates follow the recipient's language, not the server's.
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(content.Culture);
            var html = await renderer.RenderComponentAsync<ActionEmail>(ParameterView.FromDictionary(parameters));
            var text = await renderer.RenderComponentAsync<ActionEmailText>(ParameterView.FromDictionary(parameters));
            return (html.ToHtmlString(), Tidy(WebUtility.HtmlDecode(text.ToHtmlString())));
        });
    }

    /// <summary>Collapses the blank lines Razor leaves around code blocks.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd());
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0)) continue;
            result.Add(line);
        }
        return string.Join("\n", result).Trim() + "\n";
    }
}
