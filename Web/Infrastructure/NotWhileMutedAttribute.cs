using Microsoft.AspNetCore.Mvc.Filters;
using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// On actions that post (notes, comments, group posts, messages): a member staff muted is told until
/// when, and nothing is saved. One indexed read of their own row, only on these posts.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class NotWhileMutedAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (context.HttpContext.User.Id() is { } memberId
            && await AccountStanding.MutedUntilAsync(services.GetRequiredService<AppDbContext>(), memberId, now) is { } until)
        {
            var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            var times = services.GetRequiredService<RedMvc.Domain.Time.Times>();
            ((Controller)context.Controller).Flash(t["Standing.MutedNow", times.Minute(until)]);
            context.Result = new RedirectResult("/settings/standing");
            return;
        }
        await next();
    }
}
