using Microsoft.AspNetCore.Mvc;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Topics;

public class TopicsController(NoteQueries queries) : Controller
{
    [HttpGet("/topics/{name}")]
    public async Task<IActionResult> Show(string name)
    {
        var page = await queries.TopicAsync(name);
        return page is null ? NotFound() : View(page);
    }
}
