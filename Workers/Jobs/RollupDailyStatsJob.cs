using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Time;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// The staff dashboard's figures, one row a day in the site's time zone: each run recomputes today and
/// yesterday from indexed time ranges (sign-ups, published notes, comments, orders placed, sales paid,
/// reports open) and fills any of the last 30 days that has no row yet, so a new site has its month at
/// once. Safe to repeat; the dashboard only reads these rows. It also trims sign-in history past its 90 days.
/// </summary>
public class RollupDailyStatsJob(AppDbContext db, JobStorage jobs, TimeProvider clock, IOptions<SiteOptions> site)
{
    public const int Days = 30;

    [Queue(Queues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZones.SiteDefault(site.Value.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var known = (await db.DailyStats.Where(s => s.Day >= today.AddDays(-Days)).Select(s => s.Day).ToListAsync(cancellationToken)).ToHashSet();
        for (var day = today.AddDays(-Days); day <= today; day = day.AddDays(1))
            if (day >= today.AddDays(-1) || !known.Contains(day))
                await ComputeAsync(day, zone, now, day == today, cancellationToken);
        // Sign-in history is kept for staff for a while, not for ever.
        await db.SignIns.Where(s => s.At < now.AddDays(-SignInRecord.KeptDays)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task ComputeAsync(DateOnly day, TimeZoneInfo zone, DateTime now, bool isToday, CancellationToken cancellationToken)
    {
        var from = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var end = isToday ? now : to;
        var stats = await db.DailyStats.SingleOrDefaultAsync(s => s.Day == day, cancellationToken);
        if (stats is null) db.DailyStats.Add(stats = new DailyStats(day));
        stats.SignUps = await db.Users.CountAsync(u => u.CreatedAt >= from && u.CreatedAt < to, cancellationToken);
        stats.Notes = await db.Notes.CountAsync(n => n.PublishedAt >= from && n.PublishedAt < to && n.Status != NoteStatus.Deleted, cancellationToken);
        stats.Comments = await db.Comments.CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to, cancellationToken);
        stats.Orders = await db.Orders.CountAsync(o => o.PlacedAt >= from && o.PlacedAt < to, cancellationToken);
        stats.SalesFen = await db.Orders.Where(o => o.PaidAt >= from && o.PaidAt < to).SumAsync(o => (long?)(o.SubtotalFen + o.ShippingFen), cancellationToken) ?? 0;
        stats.OpenReports = await db.Reports.CountAsync(r => r.CreatedAt < end && (r.ResolvedAt == null || r.ResolvedAt >= end), cancellationToken);
        // Hangfire keeps no history of failures by day: today's row records the count now, past rows keep theirs.
        if (isToday) stats.FailedJobs = (int)jobs.GetMonitoringApi().FailedCount();
        stats.ComputedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
