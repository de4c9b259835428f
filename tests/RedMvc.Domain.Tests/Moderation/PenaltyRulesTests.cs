using RedMvc.Domain.Moderation;

namespace RedMvc.Domain.Tests.Moderation;

public class PenaltyRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static Penalty Mute(int days = 7) =>
        Penalty.Give("member", PenaltyKind.Mute, days, ReportCategory.Spam, "spam links", "staff-1", ReportTarget.Note, "5", Now);

    [Theory]
    [InlineData(0, PenaltyKind.Warning, 0)]
    [InlineData(1, PenaltyKind.Mute, 1)]
    [InlineData(2, PenaltyKind.Mute, 7)]
    [InlineData(3, PenaltyKind.Mute, 30)]
    [InlineData(4, PenaltyKind.Suspension, 0)]
    [InlineData(12, PenaltyKind.Suspension, 0)]
    public void Removal_costs_more_with_each_strike_still_on_the_account(int strikes, PenaltyKind kind, int days) =>
        Assert.Equal((kind, days), PenaltyLadder.Next(strikes));

    [Fact]
    public void A_strike_counts_for_ninety_days_and_a_mute_is_in_force_until_it_ends()
    {
        var mute = Mute(7);

        Assert.True(mute.IsStrike(Now.AddDays(89)));
        Assert.False(mute.IsStrike(Now.AddDays(Penalty.StrikeDays)));
        Assert.True(mute.IsInForce(Now.AddDays(6)));
        Assert.False(mute.IsInForce(Now.AddDays(7)));
        Assert.Equal(Now.AddDays(7), mute.EndsAt);
    }

    [Fact]
    public void A_warning_is_a_strike_but_never_in_force() =>
        Assert.False(Penalty.Give("m", PenaltyKind.Warning, 0, ReportCategory.Spam, "r", "s", null, null, Now).IsInForce(Now));

    [Fact]
    public void A_member_appeals_once_within_twenty_days()
    {
        var penalty = Mute();

        Assert.Equal("Standing.Error.AppealLate", penalty.Appeal("please", Now.AddDays(Penalty.AppealDays).AddMinutes(1)));
        Assert.Equal("Standing.Error.AppealEmpty", penalty.Appeal(" \u200b ", Now));
        Assert.Null(penalty.Appeal("It was a recipe link, not spam.", Now.AddDays(19)));
        Assert.Equal("Standing.Error.AppealedOnce", penalty.Appeal("again", Now.AddDays(19)));
        Assert.True(penalty.AwaitsAppealDecision);
    }

    [Fact]
    public void Another_staff_member_decides_an_appeal_and_overturning_lifts_the_penalty()
    {
        var penalty = Mute();
        Assert.Equal("Admin.Error.NoAppeal", penalty.WhyNotDecidable("staff-2"));
        penalty.Appeal("It was a recipe link.", Now);

        Assert.Equal("Admin.Error.OwnPenalty", penalty.WhyNotDecidable("staff-1"));
        penalty.DecideAppeal("staff-2", AppealDecision.Overturned, Now.AddDays(1));

        Assert.Equal(Now.AddDays(1), penalty.LiftedAt);
        Assert.False(penalty.IsStrike(Now.AddDays(1)));
        Assert.False(penalty.IsInForce(Now.AddDays(1)));
        Assert.Equal("Admin.Error.NoAppeal", penalty.WhyNotDecidable("staff-3"));
    }

    [Fact]
    public void An_upheld_appeal_keeps_the_penalty()
    {
        var penalty = Mute();
        penalty.Appeal("please", Now);
        penalty.DecideAppeal("staff-2", AppealDecision.Upheld, Now);

        Assert.Null(penalty.LiftedAt);
        Assert.True(penalty.IsInForce(Now.AddDays(1)));
    }
}
