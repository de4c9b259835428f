using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;

namespace RedMvc.Web.Infrastructure;

/// <summary>The Hangfire dashboard at /admin/jobs: staff may look, only Admins may change jobs (ARCHITECTURE.md).</summary>
public static class JobDashboard
{
    public const string Path = "/admin/jobs";

    public static void MapJobDashboard(this WebApplication app)
    {
        // The batch commands (delete, requeue) hand each "jobs[]" value to the storage, which parses it as a number and
        // throws on anything else: a 500 for a mistyped form. Every storage here numbers its jobs, so another value is a
        // 400 before the dashboard sees it. Recurring jobs are named, not numbered, and are left alone.
        app.UseWhen(IsJobCommand, branch => branch.Use(async (context, next) =>
        {
            if (!await HasNumberedJobIdsAsync(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next();
        }));
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [], // the endpoint's Staff policy decides
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
            DashboardTitle = "RedMvc jobs",
            AppPath = "/",
        }).RequireAuthorization(Policies.Staff);
    }

    private static bool IsJobCommand(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.StartsWithSegments(Path, out var rest)
        && !rest.StartsWithSegments("/recurring");

    private static async Task<bool> HasNumberedJobIdsAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return true;
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form["jobs[]"].All(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return false;
        }
    }
}
