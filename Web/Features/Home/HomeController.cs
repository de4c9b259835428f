using Microsoft.AspNetCore.Mvc;
using RedMvc.Domain.Notes;

namespace RedMvc.Web.Features.Home;

public record HomePage(string Channel, IReadOnlyList<string> Channels);

public class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index(string? channel) =>
        View(new HomePage(Channels.IsKnown(channel) ? channel! : Channels.Recommended, Channels.All));
}
