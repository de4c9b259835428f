using RedMvc.Domain.Time;

namespace RedMvc.Domain.Email;

/// <summary>When digests fall due: the latest such moment at or before now, at a local hour in the member's zone (daylight saving included).</summary>
public static class DigestMoments
{
    /// <summary>Today's hour in the zone if it has passed, else yesterday's.</summary>
    public static DateTime LatestDaily(DateTime nowUtc, TimeZoneInfo zone, int hour)
    {
        var today = Local(nowUtc, zone).Date;
        var moment = ToUtc(today.AddHours(hour), zone);
        return moment <= nowUtc ? moment : ToUtc(today.AddDays(-1).AddHours(hour), zone);
    }

    /// <summary>This week's day and hour in the zone if it has passed, else last week's.</summary>
    public static DateTime LatestWeekly(DateTime nowUtc, TimeZoneInfo zone, DayOfWeek day, int hour)
    {
        var today = Local(nowUtc, zone).Date;
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek - (int)day + 7) % 7));
        var moment = ToUtc(thisWeek.AddHours(hour), zone);
        return moment <= nowUtc ? moment : ToUtc(thisWeek.AddDays(-7).AddHours(hour), zone);
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone) => new Times(zone, TimeProvider.System).ToUtc(local);
}
