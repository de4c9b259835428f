using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using RedMvc.Domain.Time;

namespace RedMvc.Web.Infrastructure;

/// <summary>Time elements for pages: the machine-readable UTC instant in datetime, the reader's words inside.</summary>
public static class TimeTags
{
    /// <summary><c>&lt;time datetime="2026-11-28T10:30:00Z" title="2026-11-28 18:30"&gt;3 分钟前&lt;/time&gt;</c></summary>
    public static IHtmlContent AgoTag(this Times times, DateTime utc, string? cssClass = null) =>
        Tag(utc, times.Ago(utc), times.Minute(utc), cssClass);

    /// <summary><c>&lt;time datetime="2026-11-28T10:30:00Z"&gt;2026-11-28 18:30&lt;/time&gt;</c></summary>
    public static IHtmlContent MinuteTag(this Times times, DateTime utc, string? cssClass = null) =>
        Tag(utc, times.Minute(utc), null, cssClass);

    private static HtmlString Tag(DateTime utc, string text, string? title, string? cssClass)
    {
        var e = HtmlEncoder.Default;
        var attributes = $" datetime=\"{Times.Machine(utc)}\""
            + (title is null ? "" : $" title=\"{e.Encode(title)}\"")
            + (cssClass is null ? "" : $" class=\"{e.Encode(cssClass)}\"");
        return new HtmlString($"<time{attributes}>{e.Encode(text)}</time>");
    }
}
