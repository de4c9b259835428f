namespace RedMvc.Domain.Moderation;

/// <summary>
/// One day's figures for the staff dashboard (days in China time, where the site's business is), made
/// by the stats rollup job so the dashboard never scans the big tables.
/// </summary>
public class DailyStats
{
    private DailyStats() { }

    public DailyStats(DateOnly day) => Day = day;

    public DateOnly Day { get; private set; }
    public int SignUps { get; set; }
    public int Notes { get; set; }
    public int Comments { get; set; }
    public int Orders { get; set; }

    /// <summary>What paid orders came to that day (gross merchandise value), in fen.</summary>
    public long SalesFen { get; set; }

    /// <summary>Reports still open at the end of the day (or now, for today).</summary>
    public int OpenReports { get; set; }

    public int FailedJobs { get; set; }
    public DateTime ComputedAt { get; set; }
}
