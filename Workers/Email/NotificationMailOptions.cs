namespace RedMvc.Workers.Email;

/// <summary>Bound from "Email:Notifications": when notification mail and the digests go out.</summary>
public class NotificationMailOptions
{
    /// <summary>"At once" waits this long after the first unmailed event, and until the member has been away this long, folding what comes meanwhile.</summary>
    public TimeSpan AtOnceWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The local hour (member's zone) of the daily digest.</summary>
    public int DailyDigestHour { get; set; } = 19;

    /// <summary>The local hour on Monday of the weekly digest.</summary>
    public int WeeklyDigestHour { get; set; } = 8;

    /// <summary>Older events are never mailed: the member has had days to see them on the site.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Events this young are left to the next run, so a notification whose transaction commits a moment
    /// after a newer one (ids are handed out before commit) is never passed by the cursor.
    /// </summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lines one mail lists; the rest are counted ("and 12 more").</summary>
    public int MaxLines { get; set; } = 8;
}
