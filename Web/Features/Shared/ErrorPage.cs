namespace RedMvc.Web.Features.Shared;

public record ErrorPage(int StatusCode);
