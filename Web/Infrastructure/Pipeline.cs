using Microsoft.Net.Http.Headers;
using RedMvc.Web.Features.Discover;

namespace RedMvc.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseRedPipeline(this WebApplication app)
    {
        // Behind a proxy (nginx in the cluster): the client's address and scheme, so rate limits and
        // HTTPS rules apply per client. Only proxies on loopback or in Proxy:KnownNetworks are believed.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error");
        if (SecuritySetup.RequireHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                // Versioned by asp-append-version: safe to keep for a year.
                if (file.Context.Request.Query.ContainsKey("v"))
                    file.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            },
        });
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseRouting();
        app.UseAuthentication();
        app.UseSuspendedSignOut();
        app.UseRateLimiter(); // after authentication: members are limited per account
        app.UseLastSeen();
        app.UseAuthorization();
        app.UseForgetMixAfterPosts();
        app.UseOutputCache(); // after authentication: the visitor policy must know who is signed in

        app.MapHealthChecks("/health").CacheOutput(OutputCaching.HealthAnswers);
        app.MapJobDashboard();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
        app.MapControllers();
        return app;
    }
}
