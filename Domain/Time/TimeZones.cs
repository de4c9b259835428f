using System.Text.RegularExpressions;

namespace RedMvc.Domain.Time;

/// <summary>IANA time zones as members pick them and browsers report them (Intl.DateTimeFormat).</summary>
public static partial class TimeZones
{
    /// <summary>China time: the site's default zone unless the Site:TimeZone setting names another.</summary>
    public const string China = "Asia/Shanghai";

    /// <summary>Longer than any IANA id ("America/Argentina/ComodRivadavia" is 32).</summary>
    public const int IdMaxLength = 64;

    /// <summary>The zones offered on the profile page, west to east.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "Pacific/Honolulu", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "America/Sao_Paulo",
        "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Moscow", "Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok",
        "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney", "Pacific/Auckland",
    ];

    /// <summary>
    /// The zone of an IANA id, or null for anything else: empty, too long, not shaped like an id, unknown
    /// to the machine, or a Windows name (ids are stored and compared as IANA ids).
    /// </summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > IdMaxLength || !IdShape().IsMatch(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;
    }

    /// <summary>
    /// The site's zone: the configured id when the machine knows it, else China time. China has kept
    /// UTC+8 without daylight saving since 1991, so a fixed offset stands in where the time zone
    /// database is missing (a slim container).
    /// </summary>
    public static TimeZoneInfo SiteDefault(string? configured) =>
        Find(configured) ?? Find(China) ?? TimeZoneInfo.CreateCustomTimeZone(China, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    // "UTC", or letters, digits, '_', '+', '-' in two or three '/'-separated parts ("Asia/Shanghai",
    // "America/Argentina/Salta", "Etc/GMT-8"): the machine also knows "localtime", "posixrules" and
    // "Factory", which are not places and follow the server's settings.
    [GeneratedRegex(@"^(UTC|[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){1,2})$")]
    private static partial Regex IdShape();
}
