using Microsoft.AspNetCore.Mvc;

namespace RedMvc.Web.Features.Errors;

public record ErrorPage(int StatusCode);

/// <summary>Friendly pages for 404, 403, 429 and 500, in the site's look.</summary>
[ApiExplorerSettings(IgnoreApi = true), IgnoreAntiforgeryToken]
public class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return View("Error", new ErrorPage(code));
    }

    [Route("/error")]
    public IActionResult Unhandled()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorPage(StatusCodes.Status500InternalServerError));
    }
}
