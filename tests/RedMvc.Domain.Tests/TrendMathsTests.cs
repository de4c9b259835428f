using RedMvc.Domain.Ranking;

namespace RedMvc.Domain.Tests;

public class TrendMathsTests
{
    private static readonly RankingOptions Defaults = new();
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_score_halves_with_every_half_life()
    {
        Assert.Equal(1, TrendMaths.Decay(Now, Now, 36), 12);
        Assert.Equal(0.5, TrendMaths.Decay(Now.AddHours(-36), Now, 36), 12);
        Assert.Equal(0.25, TrendMaths.Decay(Now.AddHours(-72), Now, 36), 12);
        Assert.Equal(0.5, TrendMaths.Decay(Now.AddHours(-12), Now, 12), 12);
    }

    [Fact]
    public void A_note_from_the_future_counts_as_new()
    {
        Assert.Equal(1, TrendMaths.Decay(Now.AddHours(3), Now, 36));
    }

    [Fact]
    public void Engagement_weighs_likes_collects_and_comments_by_the_settings()
    {
        Assert.Equal(1 * 4 + 2 * 3 + 3 * 2, TrendMaths.Engagement(likes: 4, collects: 3, comments: 2, Defaults));
        var custom = new RankingOptions { LikeWeight = 0.5, CollectWeight = 5, CommentWeight = 0 };
        Assert.Equal(0.5 * 4 + 5 * 3, TrendMaths.Engagement(4, 3, 2, custom));
    }

    [Fact]
    public void The_score_is_engagement_plus_one_times_decay()
    {
        Assert.Equal((3 + 1) * 0.5, TrendMaths.Score(likes: 3, 0, 0, Now.AddHours(-36), Now, Defaults), 12);
        Assert.Equal(1, TrendMaths.Score(0, 0, 0, Now, Now, Defaults), 12);
    }

    [Fact]
    public void The_stored_score_orders_notes_as_the_score_does_at_any_moment()
    {
        var notes = new[]
        {
            (Likes: 0, Collects: 0, Comments: 0, At: Now),
            (Likes: 10, Collects: 2, Comments: 1, At: Now.AddHours(-40)),
            (Likes: 3, Collects: 0, Comments: 0, At: Now.AddHours(-5)),
            (Likes: 100, Collects: 20, Comments: 9, At: Now.AddDays(-20)),
        };
        foreach (var moment in new[] { Now, Now.AddDays(3), Now.AddDays(60) })
        {
            var byScore = notes.OrderByDescending(n => TrendMaths.Score(n.Likes, n.Collects, n.Comments, n.At, moment, Defaults)).ToList();
            var byStored = notes.OrderByDescending(n => TrendMaths.StoredScore(n.Likes, n.Collects, n.Comments, n.At, Defaults)).ToList();
            Assert.Equal(byScore, byStored);
        }
        var a = TrendMaths.StoredScore(3, 0, 0, Now, Defaults);
        var b = TrendMaths.StoredScore(0, 0, 0, Now.AddHours(-36), Defaults);
        Assert.Equal(TrendMaths.Score(3, 0, 0, Now, Now, Defaults) / TrendMaths.Score(0, 0, 0, Now.AddHours(-36), Now, Defaults), Math.Pow(2, a - b), 9);
    }

    [Fact]
    public void More_engagement_ranks_a_note_above_an_equally_old_one()
    {
        Assert.True(TrendMaths.StoredScore(5, 0, 0, Now, Defaults) > TrendMaths.StoredScore(1, 0, 0, Now, Defaults));
        Assert.True(TrendMaths.StoredScore(0, 1, 0, Now, Defaults) > TrendMaths.StoredScore(1, 0, 0, Now, Defaults));
    }

    [Fact]
    public void Affinity_weighs_each_engagement_and_scales_the_strongest_to_one()
    {
        var profile = TrendMaths.Affinity(
        [
            new EngagedNote("ann", "travel", [1, 2], Weight: 1),
            new EngagedNote("ann", "travel", [1], Weight: 3),
            new EngagedNote("bob", "food", [3, 3], Weight: 2),
        ]);

        Assert.Equal(1, profile.Topics[1]);
        Assert.Equal(0.25, profile.Topics[2]);
        Assert.Equal(0.5, profile.Topics[3]); // a topic listed twice on one note counts once
        Assert.Equal(1, profile.Channels["travel"]);
        Assert.Equal(0.5, profile.Channels["food"]);
        Assert.Equal(1, profile.Authors["ann"]);
        Assert.Equal(0.5, profile.Authors["bob"]);
    }

    [Fact]
    public void A_member_without_engagements_has_an_empty_profile()
    {
        var profile = TrendMaths.Affinity([]);
        Assert.Empty(profile.Topics);
        Assert.Empty(profile.Channels);
        Assert.Empty(profile.Authors);
    }

    [Fact]
    public void No_two_neighbours_share_an_author_when_that_is_possible()
    {
        string[] ordered = ["a1", "b1", "c1", "a2", "a3"];
        var spread = TrendMaths.SpreadAuthors(ordered, Author);
        Assert.Equal(["a1", "b1", "a2", "c1", "a3"], spread);
    }

    [Fact]
    public void Spreading_keeps_the_order_when_authors_already_alternate_and_moves_as_little_as_it_can()
    {
        Assert.Equal(["a1", "b1", "a2", "c1"], TrendMaths.SpreadAuthors(["a1", "b1", "a2", "c1"], Author));
        Assert.Equal(["a1", "b1", "a2", "b2", "c1"], TrendMaths.SpreadAuthors(["a1", "a2", "b1", "b2", "c1"], Author));
    }

    [Fact]
    public void When_spreading_is_impossible_the_leftovers_go_at_the_end_in_order()
    {
        Assert.Equal(["a1", "b1", "a2", "a3", "a4"], TrendMaths.SpreadAuthors(["a1", "a2", "a3", "a4", "b1"], Author));
        Assert.Equal(["a1", "a2"], TrendMaths.SpreadAuthors(["a1", "a2"], Author));
        Assert.Empty(TrendMaths.SpreadAuthors(Array.Empty<string>(), Author));
    }

    [Fact]
    public void Spreading_a_long_random_list_never_leaves_neighbours_by_one_author_while_others_remain()
    {
        var random = new Random(7);
        var ordered = Enumerable.Range(0, 300).Select(i => $"{(char)('a' + random.Next(6))}{i}").ToList();
        var spread = TrendMaths.SpreadAuthors(ordered, Author);
        Assert.Equal(ordered.Order(), spread.Order());
        for (var i = 1; i < spread.Count; i++) Assert.NotEqual(Author(spread[i - 1]), Author(spread[i]));
    }

    [Fact]
    public void The_reason_is_the_strongest_factor()
    {
        var profile = TrendMaths.Affinity([new EngagedNote("ann", "travel", [7], Weight: 1)]);
        var camping = new TopicTag(7, "露营");

        Assert.Equal(new MixReason(ReasonKind.LikedTopic, "露营"),
            Reason(new MixCandidate(1, "zed", "food", [camping], StoredScore: 0, FollowsAuthor: false), profile, best: 5));
        Assert.Equal(new MixReason(ReasonKind.FollowedAuthor, null),
            Reason(new MixCandidate(2, "zed", "food", [], StoredScore: 0, FollowsAuthor: true), profile, best: 5));
        Assert.Equal(new MixReason(ReasonKind.Channel, "travel"),
            Reason(new MixCandidate(3, "zed", "travel", [], StoredScore: 0, FollowsAuthor: false), profile, best: 5));
        Assert.Equal(new MixReason(ReasonKind.LikedAuthor, null),
            Reason(new MixCandidate(4, "ann", "food", [], StoredScore: 0, FollowsAuthor: false), profile, best: 5));
        Assert.Equal(new MixReason(ReasonKind.Trending, null),
            Reason(new MixCandidate(5, "zed", "travel", [camping], StoredScore: 5, FollowsAuthor: true), profile, best: 5));
        Assert.Equal(new MixReason(ReasonKind.Trending, null),
            Reason(new MixCandidate(6, "zed", "food", [], StoredScore: 0, FollowsAuthor: false), AffinityProfile.Empty, best: 5));
    }

    [Fact]
    public void The_mix_puts_what_the_member_cares_about_above_equally_trending_notes_and_spreads_authors()
    {
        var profile = TrendMaths.Affinity([new EngagedNote("ann", "travel", [7], Weight: 1)]);
        var candidates = new List<MixCandidate>
        {
            new(1, "bob", "food", [], StoredScore: 10, FollowsAuthor: false),
            new(2, "cat", "food", [new TopicTag(7, "露营")], StoredScore: 10, FollowsAuthor: false),
            new(3, "cat", "food", [new TopicTag(7, "露营")], StoredScore: 10, FollowsAuthor: false),
            new(4, "dan", "food", [], StoredScore: 9, FollowsAuthor: true),
            new(5, "eve", "food", [], StoredScore: 12, FollowsAuthor: false),
        };

        var mix = TrendMaths.Mix(candidates, profile, Defaults);

        // eve trends most (1); cat's camping notes 0.25 + 0.6; dan is followed 0.125 + 0.5; bob only trends 0.25.
        Assert.Equal([5L, 3, 4, 2, 1], mix.Select(e => e.NoteId));
        Assert.Equal([ReasonKind.Trending, ReasonKind.LikedTopic, ReasonKind.FollowedAuthor, ReasonKind.LikedTopic, ReasonKind.Trending],
            mix.Select(e => e.Reason.Kind));
        Assert.Equal("露营", mix[1].Reason.Label);
    }

    private static MixReason Reason(MixCandidate candidate, AffinityProfile profile, double best) =>
        TrendMaths.PickReason(TrendMaths.Factors(candidate, profile, Defaults, best));

    private static string Author(string item) => item[..1];
}
