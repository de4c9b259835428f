using Hangfire;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Areas.Admin.Features.Dashboard;

/// <summary>The staff area's front page: what needs a look now, and the last 30 days from the stats rollup.</summary>
public record DashboardPage(int OpenReports, int AppealsWaiting, long FailedJobs, long ScheduledJobs, int Brands,
    IReadOnlyList<DailyStats> Days, DateTime? ComputedAt);

public class DashboardController(AppDbContext db, JobStorage jobs, IBackgroundJobClient background, IStringLocalizer<SharedResource> t) : AdminController
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index()
    {
        var monitor = jobs.GetMonitoringApi();
        var days = await db.DailyStats.AsNoTracking().OrderByDescending(s => s.Day).Take(RollupDailyStatsJob.Days + 1).ToListAsync();
        days.Reverse();
        return View(new DashboardPage(
            await db.Reports.Where(r => r.ResolvedAt == null).Select(r => new { r.Target, r.TargetId }).Distinct().CountAsync(),
            await db.Penalties.CountAsync(p => p.AppealedAt != null && p.AppealDecision == null),
            monitor.FailedCount(), monitor.ScheduledCount(), await db.Shops.CountAsync(),
            days, days.Count == 0 ? null : days.Max(d => d.ComputedAt)));
    }

    /// <summary>The figures are an hour old at most; this asks for them now (the job runs in the background).</summary>
    [HttpPost("/admin/stats/refresh")]
    public IActionResult Refresh()
    {
        background.Enqueue<RollupDailyStatsJob>(job => job.RunAsync(CancellationToken.None));
        this.Flash(t["Admin.Dashboard.Refreshing"]);
        return Redirect("/admin");
    }
}
