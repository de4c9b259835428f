using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Every action, before it runs: a form the server could not read (cut off, too many fields, too
/// large) is a 400, however the antiforgery token came, instead of an action seeing a half-bound or
/// null form. And a yes/no field sent as anything but yes or no is shown again as "no": the checkbox
/// helper cannot render the value that was sent.
/// </summary>
public sealed class UnreadableForms : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // The friendly error page re-executes the same request: it must not refuse it again.
        var reExecuted = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (request.HasFormContentType && !reExecuted)
        {
            try
            {
                // Already read by model binding: this returns the same form, or the same failure.
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                context.Result = new BadRequestResult();
                return;
            }
        }
        foreach (var form in context.ActionArguments.Values.OfType<object>())
        {
            foreach (var yesNo in form.GetType().GetProperties().Where(p => p.PropertyType == typeof(bool)))
            {
                if (context.ModelState.TryGetValue(yesNo.Name, out var entry) && entry.Errors.Count > 0 && !bool.TryParse(entry.AttemptedValue, out _))
                    context.ModelState.SetModelValue(yesNo.Name, false, "false");
            }
        }
        await next();
    }
}
