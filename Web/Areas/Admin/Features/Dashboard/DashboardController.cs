using Hangfire;

namespace RedMvc.Web.Areas.Admin.Features.Dashboard;

/// <summary>The staff area's front page: each screen with the figure that says whether it needs a look.</summary>
public record DashboardPage(int Brands, long FailedJobs, long ScheduledJobs);

public class DashboardController(AppDbContext db, JobStorage jobs) : AdminController
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index()
    {
        var monitor = jobs.GetMonitoringApi();
        return View(new DashboardPage(await db.Shops.CountAsync(), monitor.FailedCount(), monitor.ScheduledCount()));
    }
}
