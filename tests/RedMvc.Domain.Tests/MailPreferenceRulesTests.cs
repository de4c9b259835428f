using RedMvc.Domain.Email;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Tests;

public class MailPreferenceRulesTests
{
    [Fact]
    public void Every_notification_kind_is_mailed_under_a_category_of_events()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>().Where(k => !Notification.IsFromStaff(k)))
            Assert.Contains(MailCategories.Of(kind)!.Value, MailCategories.OfEvents);
        Assert.Null(MailCategories.Of(NotificationKind.PenaltyGiven));
        Assert.Equal(MailCategory.RepliesAndMentions, MailCategories.Of(NotificationKind.GroupMention));
        Assert.Equal(MailCategory.Groups, MailCategories.Of(NotificationKind.JoinApproved));
        Assert.Equal(MailCategory.LikesAndCollects, MailCategories.Of(NotificationKind.GroupReplyLike));
        Assert.Empty(MailCategories.KindsOf(MailCategory.Messages)); // messages come from their own table (MailEvents)
    }

    [Fact]
    public void Every_category_offers_its_default_and_off()
    {
        foreach (var category in Enum.GetValues<MailCategory>())
        {
            Assert.Contains(category, MailCategories.All);
            Assert.True(MailCategories.Allows(category, MailCategories.DefaultOf(category)));
            Assert.True(MailCategories.Allows(category, MailChoice.Off));
        }
        Assert.Equal(MailChoice.AtOnce, MailCategories.DefaultOf(MailCategory.RepliesAndMentions));
        Assert.Equal(MailChoice.DailyDigest, MailCategories.DefaultOf(MailCategory.LikesAndCollects));
    }

    [Fact]
    public void A_choice_a_category_does_not_offer_is_refused()
    {
        Assert.False(MailCategories.Allows(MailCategory.OrderUpdates, MailChoice.DailyDigest));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmailPreference("m", MailCategory.WeeklyDigest, MailChoice.AtOnce));
    }

    [Fact]
    public void The_daily_digest_falls_at_the_local_hour_of_today_once_it_has_passed_else_yesterday()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0), DigestMoments.LatestDaily(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc), shanghai, 19));
        Assert.Equal(new DateTime(2026, 11, 29, 11, 0, 0), DigestMoments.LatestDaily(new DateTime(2026, 11, 30, 10, 59, 0, DateTimeKind.Utc), shanghai, 19));
    }

    [Fact]
    public void The_weekly_digest_falls_on_monday_morning_in_the_zone_across_daylight_saving()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // Monday 2026-11-02 08:00 in New York is after the clocks went back (UTC-5): 13:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 2, 13, 0, 0), DigestMoments.LatestWeekly(new DateTime(2026, 11, 4, 0, 0, 0, DateTimeKind.Utc), newYork, DayOfWeek.Monday, 8));
        // Monday 2026-10-26 08:00 was still daylight time (UTC-4): 12:00 UTC, the latest one before 13:00 UTC on 2026-11-02.
        Assert.Equal(new DateTime(2026, 10, 26, 12, 0, 0), DigestMoments.LatestWeekly(new DateTime(2026, 11, 2, 12, 59, 0, DateTimeKind.Utc), newYork, DayOfWeek.Monday, 8));
    }
}
