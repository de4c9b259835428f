namespace RedMvc.Domain.Ranking;

/// <summary>Bound from "Ranking": the trending formula, the trends job and the personal mix.</summary>
public class RankingOptions
{
    public double LikeWeight { get; set; } = 1;
    public double CollectWeight { get; set; } = 2;
    public double CommentWeight { get; set; } = 3;

    /// <summary>A note's trending score halves every this many hours.</summary>
    public double HalfLifeHours { get; set; } = 36;

    /// <summary>Only notes published this recently enter the trending table.</summary>
    public int WindowDays { get; set; } = 90;

    /// <summary>How many notes the trending table keeps.</summary>
    public int TopNotes { get; set; } = 10_000;

    /// <summary>The trends job runs every this many minutes.</summary>
    public int TrendsEveryMinutes { get; set; } = 5;

    /// <summary>Personal mix: trending candidates, followed people's notes of the last days, the newest public notes, engagements read for affinity.</summary>
    public int MixTrendingCandidates { get; set; } = 400;
    public int MixFollowedDays { get; set; } = 14;
    public int MixFollowedCandidates { get; set; } = 200;
    public int MixFreshCandidates { get; set; } = 100;
    public int MixEngagementHistory { get; set; } = 200;

    /// <summary>How much each factor counts in the personal mix (trend and affinities are each 0..1).</summary>
    public double MixTrendWeight { get; set; } = 1;
    public double MixTopicWeight { get; set; } = 0.6;
    public double MixChannelWeight { get; set; } = 0.3;
    public double MixAuthorWeight { get; set; } = 0.4;
    public double MixFollowWeight { get; set; } = 0.5;
}
