using System.Globalization;
using RedMvc.Domain.Time;

namespace RedMvc.Domain.Tests;

public class TimesTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 10, 30, 0, DateTimeKind.Utc);

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    private static Times In(string zone) => new(TimeZones.Find(zone)!, new FixedClock(Now));

    [Theory]
    [InlineData("Asia/Shanghai", "2026-11-28 18:30", "2026-11-28", "UTC+8")]
    [InlineData("Europe/Berlin", "2026-11-28 11:30", "2026-11-28", "UTC+1")]
    [InlineData("America/New_York", "2026-11-28 05:30", "2026-11-28", "UTC-5")]
    [InlineData("Asia/Kolkata", "2026-11-28 16:00", "2026-11-28", "UTC+5:30")]
    [InlineData("Pacific/Auckland", "2026-11-28 23:30", "2026-11-28", "UTC+13")]
    [InlineData("Pacific/Honolulu", "2026-11-28 00:30", "2026-11-28", "UTC-10")]
    [InlineData("UTC", "2026-11-28 10:30", "2026-11-28", "UTC")]
    public void Absolute_times_are_shown_to_the_minute_in_the_readers_zone(string zone, string minute, string date, string offset)
    {
        var times = In(zone);
        Assert.Equal(minute, times.Minute(Now));
        Assert.Equal(date, times.Date(Now));
        Assert.Equal(offset, times.Offset(Now));
    }

    [Fact]
    public void The_date_is_the_readers_date_not_the_servers()
    {
        var lateEvening = new DateTime(2026, 11, 28, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal("2026-11-29", In("Asia/Shanghai").Date(lateEvening));
        Assert.Equal("2026-11-28", In("America/New_York").Date(lateEvening));
    }

    [Fact]
    public void Times_read_back_from_the_database_unspecified_are_taken_as_utc()
    {
        var unspecified = DateTime.SpecifyKind(Now, DateTimeKind.Unspecified);
        Assert.Equal("2026-11-28 18:30", In("Asia/Shanghai").Minute(unspecified));
        Assert.Equal("2026-11-28T10:30:00Z", Times.Machine(unspecified));
    }

    [Fact]
    public void The_offset_follows_daylight_saving()
    {
        var summer = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal("UTC+2", In("Europe/Berlin").Offset(summer));
        Assert.Equal("2026-07-01 14:00", In("Europe/Berlin").Minute(summer));
    }

    [Theory]
    [InlineData("zh-CN", -3 * 60, "3 分钟前")]
    [InlineData("en", -3 * 60, "3 minutes ago")]
    [InlineData("zh-CN", -2 * 3600, "2 小时前")]
    [InlineData("en", 2 * 3600, "2 hours from now")]
    public void Relative_times_count_from_the_clock_in_the_readers_language(string culture, int seconds, string shown)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(shown, In("Asia/Shanghai").Ago(Now.AddSeconds(seconds)));
            Assert.Equal(shown, In("America/New_York").Ago(Now.AddSeconds(seconds))); // the zone does not change how long ago
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void A_typed_time_is_read_in_the_zone_and_shows_again_as_typed()
    {
        var typed = new DateTime(2026, 11, 28, 20, 0, 0);
        var china = In("Asia/Shanghai");
        Assert.Equal(new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc), china.ToUtc(typed));
        Assert.Equal(typed, china.Local(china.ToUtc(typed)));
        Assert.Equal(new DateTime(2026, 11, 28, 19, 0, 0, DateTimeKind.Utc), In("Europe/Berlin").ToUtc(typed));
    }

    [Fact]
    public void A_time_the_clock_skips_is_read_as_the_first_minute_after_the_jump()
    {
        // Berlin jumps from 02:00 to 03:00 on 29 March 2026; 02:30 does not exist there.
        var berlin = In("Europe/Berlin");
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), berlin.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
        // 02:30 on 25 October 2026 happens twice; the first pass (summer time, UTC+2) is meant.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), berlin.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0)));
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("America/Argentina/Salta")]
    [InlineData("Etc/GMT-8")]
    [InlineData("UTC")]
    public void Iana_ids_are_found(string id) => Assert.Equal(id, TimeZones.Find(id)!.Id);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("China Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Asia/Shanghai; path=/")]
    [InlineData("<script>")]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    [InlineData("Factory")]
    public void Junk_is_not_a_zone(string? id) => Assert.Null(TimeZones.Find(id));

    [Fact]
    public void Every_offered_zone_is_known_here()
    {
        Assert.All(TimeZones.Common, id => Assert.NotNull(TimeZones.Find(id)));
        Assert.Contains(TimeZones.China, TimeZones.Common);
    }

    [Fact]
    public void The_site_default_is_china_time_unless_the_setting_names_a_known_zone()
    {
        Assert.Equal("Asia/Shanghai", TimeZones.SiteDefault(null).Id);
        Assert.Equal("Asia/Shanghai", TimeZones.SiteDefault("Nowhere/Special").Id);
        Assert.Equal("Europe/Berlin", TimeZones.SiteDefault("Europe/Berlin").Id);
    }
}
