using Microsoft.AspNetCore.OutputCaching;

namespace RedMvc.Web.Features.Topics;

public class TopicsController(TopicQueries queries, HotTopics hotTopics) : Controller
{
    [HttpGet("/topics")]
    public async Task<IActionResult> Index() => View(new HotTopicsPage(await hotTopics.TopAsync(HotTopics.Listed)));

    [HttpGet("/topics/{name}"), OutputCache(PolicyName = OutputCaching.VisitorPages)]
    public async Task<IActionResult> Show(string? name, string? sort, string? after)
    {
        // Model binding turns a blank name (a space, a full-width space) into null.
        if (string.IsNullOrWhiteSpace(name)) return NotFound();
        var page = await queries.PageAsync(name, sort == TopicPage.Hot ? TopicPage.Hot : TopicPage.New, after, User.Id());
        if (page is null) return NotFound();
        PublicPages.Tag(HttpContext, PublicPages.NoteListsTag);
        return View(page);
    }
}
