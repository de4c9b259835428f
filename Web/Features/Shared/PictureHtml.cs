using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// The markup of a photo and of an avatar, written in C# instead of partial views: a feed page draws
/// some fifty of them, and each partial costs a view lookup, a page instance and a ViewData copy
/// (a fifth of a member's discover page in the profile, docs/benchmarks.md). Text is encoded by
/// Append; AppendHtml takes only markup written here.
/// </summary>
public static class PictureHtml
{
    /// <summary>
    /// A photo in its own ratio: an SVG placeholder in the photo's dominant colour that the picture
    /// covers when it loads (WebP with a JPEG fallback); while processing or failed, a short state instead.
    /// </summary>
    public static IHtmlContent Photo(this IHtmlHelper html, PhotoView photo, string sizes, bool eager)
    {
        var width = photo.Width > 0 ? photo.Width : 720;
        var height = photo.HeightAt(width);
        var output = new HtmlContentBuilder()
            .AppendHtml($"<div class=\"photo\"><svg class=\"photo__placeholder\" viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\"><rect width=\"100%\" height=\"100%\" fill=\"")
            .Append(photo.DominantColor ?? "#f1f1f3")
            .AppendHtml("\"/></svg>");
        if (photo.IsReady)
        {
            output.AppendHtml("<picture><source type=\"image/webp\" srcset=\"").Append(photo.SrcSet("webp"))
                .AppendHtml("\" sizes=\"").Append(sizes)
                .AppendHtml("\"><img class=\"photo__img\" src=\"").Append(photo.Src("jpg"))
                .AppendHtml("\" srcset=\"").Append(photo.SrcSet("jpg"))
                .AppendHtml("\" sizes=\"").Append(sizes)
                .AppendHtml($"\" width=\"{width}\" height=\"{height}\" alt=\"").Append(photo.Alt)
                .AppendHtml($"\" loading=\"{(eager ? "eager" : "lazy")}\" decoding=\"async\"></picture>");
        }
        else
        {
            var failed = photo.Status == PhotoStatus.Failed;
            var t = html.ViewContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            output.AppendHtml(failed ? "<span class=\"photo__state photo__state--failed\">" : "<span class=\"photo__state\">")
                .Append(t[failed ? "Photo.FailedShort" : "Photo.Processing"])
                .AppendHtml("</span>");
        }
        return output.AppendHtml("</div>");
    }

    /// <summary>
    /// A member's or shop's avatar: the uploaded photo, or the first letter of the name on a colour
    /// derived from the name. Sizes: the CSS width it is drawn at (most are 48 px or less).
    /// </summary>
    public static IHtmlContent Avatar(this IHtmlHelper html, AvatarView avatar, string sizes = "48px")
    {
        var output = new HtmlContentBuilder();
        if (avatar.Key is { } key)
        {
            return output.AppendHtml("<picture><source type=\"image/webp\" srcset=\"")
                .Append($"/media/avatars/{key}_96.webp 96w, /media/avatars/{key}_320.webp 320w")
                .AppendHtml("\" sizes=\"").Append(sizes)
                .AppendHtml("\"><img class=\"avatar__photo\" src=\"").Append($"/media/avatars/{key}_96.jpg")
                .AppendHtml("\" srcset=\"").Append($"/media/avatars/{key}_96.jpg 96w, /media/avatars/{key}_320.jpg 320w")
                .AppendHtml("\" sizes=\"").Append(sizes)
                .AppendHtml("\" width=\"96\" height=\"96\" alt=\"\" loading=\"lazy\" decoding=\"async\"></picture>");
        }
        var name = string.IsNullOrWhiteSpace(avatar.Name) ? "?" : avatar.Name.Trim();
        var initial = StringInfo.GetNextTextElement(name).ToUpperInvariant();
        var hue = (int)((uint)name.Aggregate(17, (h, c) => h * 31 + c) % 360);
        return output.AppendHtml($"<span class=\"avatar__initial avatar__initial--h{hue / 30}\" aria-hidden=\"true\">").Append(initial).AppendHtml("</span>");
    }
}
