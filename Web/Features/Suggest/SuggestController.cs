namespace RedMvc.Web.Features.Suggest;

public record Suggestion(string Value, string? Label);

/// <summary>Suggestions while typing #topics and @mentions in the composer (members only).</summary>
[Authorize, Route("suggest")]
public class SuggestController(AppDbContext db) : Controller
{
    private const int Limit = 8;

    [HttpGet("topics")]
    public async Task<IActionResult> Topics(string? q)
    {
        var prefix = Topic.Normalize(q ?? "");
        if (prefix.Length == 0) return Json(Array.Empty<Suggestion>());
        var topics = await db.Topics.AsNoTracking()
            .Where(t => t.NormalizedName.StartsWith(prefix))
            .OrderBy(t => t.NormalizedName.Length).ThenBy(t => t.NormalizedName)
            .Select(t => new Suggestion(t.Name, null)).Take(Limit).ToListAsync();
        return Json(topics);
    }

    [HttpGet("people")]
    public async Task<IActionResult> People(string? q)
    {
        var prefix = (q ?? "").Trim().TrimStart('@').ToLowerInvariant();
        if (prefix.Length == 0) return Json(Array.Empty<Suggestion>());
        var people = await db.Users.AsNoTracking()
            .Where(u => u.Handle.StartsWith(prefix) || u.DisplayName.StartsWith(q!))
            .OrderBy(u => u.Handle)
            .Select(u => new Suggestion(u.Handle, u.DisplayName)).Take(Limit).ToListAsync();
        return Json(people);
    }
}
