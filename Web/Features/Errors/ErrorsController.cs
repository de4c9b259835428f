using Microsoft.AspNetCore.Diagnostics;

namespace RedMvc.Web.Features.Errors;

/// <summary>
/// Friendly pages for 400, 403, 404, 429 and 500, in the site's look. Asked for directly (not re-executed for a real
/// failure) a server error page is a 404: the site never answers 5xx when nothing went wrong.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true), IgnoreAntiforgeryToken]
public class ErrorsController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
        // Re-executed by the status-code middleware, the original status wins over the route value.
        var status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? (code >= 500 ? 404 : code);
        if (status is < 400 or > 599) status = StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        return View("Error", new ErrorPage(status));
    }

    [Route("/error")]
    public IActionResult Unhandled()
    {
        var status = HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? StatusCodes.Status404NotFound : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View("Error", new ErrorPage(status));
    }
}
