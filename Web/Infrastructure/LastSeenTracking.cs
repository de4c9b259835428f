using Microsoft.Extensions.Caching.Memory;
using RedMvc.Domain.Email;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Keeps when each member last loaded a page, so "at once" mail waits while they are reading the site
/// (docs/decisions/0034). One write a minute per member per node: the node remembers whom it recorded.
/// </summary>
public static class LastSeenTracking
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public static IApplicationBuilder UseLastSeen(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.User.Id() is { } userId && !context.Request.Path.StartsWithSegments("/media"))
        {
            var memory = context.RequestServices.GetRequiredService<IMemoryCache>();
            var key = $"last-seen:{userId}";
            if (!memory.TryGetValue(key, out _))
            {
                memory.Set(key, true, Every);
                var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                await EmailPreferences.RecordSeenAsync(context.RequestServices.GetRequiredService<AppDbContext>(), userId, now, context.RequestAborted);
            }
        }
        await next();
    });
}
