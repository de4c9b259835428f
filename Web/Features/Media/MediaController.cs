using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using RedMvc.Workers.Files;

namespace RedMvc.Web.Features.Media;

/// <summary>
/// Serves the processed photo and avatar sizes. Names carry a content hash, so a name never changes
/// meaning and browsers may keep it for a year. Originals are never reachable from here.
/// </summary>
[IgnoreAntiforgeryToken]
public partial class MediaController(IFileStore files) : Controller
{
    [HttpGet("/media/photos/{name}")]
    public Task<IActionResult> Photo(string name) => ServeAsync("photos", name);

    [HttpGet("/media/avatars/{name}")]
    public Task<IActionResult> Avatar(string name) => ServeAsync("avatars", name);

    private async Task<IActionResult> ServeAsync(string folder, string name)
    {
        if (!ProcessedName().IsMatch(name)) return NotFound();
        var stream = await files.OpenReadAsync($"{folder}/{name}", HttpContext.RequestAborted);
        if (stream is null) return NotFound();
        Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        return File(stream, name.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg");
    }

    [GeneratedRegex(@"^[0-9a-f]{16}_[0-9]{1,5}\.(webp|jpg)$")]
    private static partial Regex ProcessedName();
}
