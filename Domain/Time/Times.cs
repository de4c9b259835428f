using System.Globalization;
using Humanizer;

namespace RedMvc.Domain.Time;

/// <summary>
/// The one way times are shown, pages and emails alike. Stored times are UTC; a reader sees absolute
/// times to the minute in their zone ("2026-11-28 18:30", the same in both languages), dates
/// ("2026-11-28"), the zone's offset where a deadline needs it ("UTC+8"), and relative times in
/// the current UI language ("3 分钟前", "3 minutes ago").
/// </summary>
public sealed class Times(TimeZoneInfo zone, TimeProvider clock)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public TimeZoneInfo Zone => zone;

    /// <summary>The same clock in another zone (an email's recipient, a form that says which zone it was typed in).</summary>
    public Times In(TimeZoneInfo other) => new(other, clock);

    /// <summary>The wall-clock time in the zone; what a datetime-local input shows.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone);

    /// <summary>"2026-11-28 18:30".</summary>
    public string Minute(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", Invariant);

    /// <summary>"2026-11-28".</summary>
    public string Date(DateTime utc) => Local(utc).ToString("yyyy-MM-dd", Invariant);

    /// <summary>"UTC+8", "UTC+5:30", "UTC-4", "UTC": the zone's offset at that moment (daylight saving included).</summary>
    public string Offset(DateTime utc)
    {
        var offset = zone.GetUtcOffset(AsUtc(utc));
        if (offset == TimeSpan.Zero) return "UTC";
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"UTC{sign}{abs.Hours}" : $"UTC{sign}{abs.Hours}:{abs.Minutes:00}";
    }

    /// <summary>The zone's offset now.</summary>
    public string Offset() => Offset(clock.GetUtcNow().UtcDateTime);

    /// <summary>"3 分钟前", "2 hours ago", "in 2 days": measured from the clock's now, in the current UI language.</summary>
    public string Ago(DateTime utc) =>
        AsUtc(utc).Humanize(utcDate: true, dateToCompareAgainst: clock.GetUtcNow().UtcDateTime, culture: CultureInfo.CurrentUICulture);

    /// <summary>"2026-11-28T10:30:00Z", for the datetime attribute of a time element.</summary>
    public static string Machine(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant);

    /// <summary>
    /// A wall-clock time typed in the zone, as UTC. A time the clock skips (the hour daylight saving
    /// jumps over) is read as the first minute after the jump; a repeated hour is read as its first pass.
    /// A time within two days of the calendar's ends (anyone can type 0001-01-01) is moved inside first,
    /// so no offset can carry it off the calendar.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var edge = TimeSpan.FromDays(2);
        local = DateTime.SpecifyKind(local < DateTime.MinValue + edge ? DateTime.MinValue + edge
            : local > DateTime.MaxValue - edge ? DateTime.MaxValue - edge : local, DateTimeKind.Unspecified);
        for (var guard = 0; zone.IsInvalidTime(local) && guard < 24 * 60; guard++) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>Times come back from the database unspecified; they were stored as UTC.</summary>
    private static DateTime AsUtc(DateTime utc) => utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
