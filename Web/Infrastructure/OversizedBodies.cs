using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// A body longer than the route accepts (by its declared length) is answered 413 before anything
/// reads it, so the page says the upload is too large and what the limit is. Without this, antiforgery
/// fails to read the cut-off form first and the member only hears that the request "didn't look right".
/// </summary>
public sealed class OversizedBodies : IAuthorizationFilter, IOrderedFilter
{
    /// <summary>After RequestSizeLimit and RequestFormLimits (900) set the route's limits, before antiforgery (1000) reads the form.</summary>
    public int Order => 950;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.Request.ContentLength is not { } length) return;
        var metadata = context.ActionDescriptor.EndpointMetadata;
        long?[] limits =
        [
            http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize,
            metadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize,
            http.Request.HasFormContentType ? metadata.OfType<IFormOptionsMetadata>().LastOrDefault()?.MultipartBodyLengthLimit : null,
        ];
        if (limits.Any(limit => length > limit)) context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}
