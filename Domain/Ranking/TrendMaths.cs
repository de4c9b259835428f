namespace RedMvc.Domain.Ranking;

/// <summary>The ranking arithmetic, pure so it is tested without a database.</summary>
public static class TrendMaths
{
    /// <summary>Stored scores count hours from here; any fixed instant gives the same order.</summary>
    public static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static double Engagement(int likes, int collects, int comments, RankingOptions options) =>
        likes * options.LikeWeight + collects * options.CollectWeight + comments * options.CommentWeight;

    /// <summary>1 for a note published now, 1/2 after one half-life, 1/4 after two; notes from the future count as new.</summary>
    public static double Decay(DateTime publishedAt, DateTime now, double halfLifeHours) =>
        Math.Pow(0.5, Math.Max(0, (now - publishedAt).TotalHours) / halfLifeHours);

    /// <summary>The trending score at this moment: (engagement + 1) x decay.</summary>
    public static double Score(int likes, int collects, int comments, DateTime publishedAt, DateTime now, RankingOptions options) =>
        (Engagement(likes, collects, comments, options) + 1) * Decay(publishedAt, now, options.HalfLifeHours);

    /// <summary>
    /// log2 of Score taken at Epoch instead of now: the same order at every moment, since moving "now"
    /// divides every score by the same factor. Stored in the table so a feed cursor stays valid when
    /// the job rewrites it, and the numbers never underflow however old a note is.
    /// </summary>
    public static double StoredScore(int likes, int collects, int comments, DateTime publishedAt, RankingOptions options) =>
        Math.Log2(Engagement(likes, collects, comments, options) + 1) + (publishedAt - Epoch).TotalHours / options.HalfLifeHours;

    /// <summary>Score relative to a stored score taken as 1 (the best candidate): 2^(stored - best).</summary>
    public static double Relative(double storedScore, double bestStoredScore) => Math.Pow(2, storedScore - bestStoredScore);

    /// <summary>
    /// What a member cares about, from their recent engagements (each weighted like the trend:
    /// likes, collects, comments): per topic, channel and author, scaled so the strongest is 1.
    /// </summary>
    public static AffinityProfile Affinity(IEnumerable<EngagedNote> engagements)
    {
        var topics = new Dictionary<long, double>();
        var channels = new Dictionary<string, double>();
        var authors = new Dictionary<string, double>();
        foreach (var e in engagements)
        {
            foreach (var topic in e.TopicIds.Distinct()) topics[topic] = topics.GetValueOrDefault(topic) + e.Weight;
            channels[e.Channel] = channels.GetValueOrDefault(e.Channel) + e.Weight;
            authors[e.AuthorId] = authors.GetValueOrDefault(e.AuthorId) + e.Weight;
        }
        return new AffinityProfile(Normalise(topics), Normalise(channels), Normalise(authors));
    }

    private static Dictionary<TKey, double> Normalise<TKey>(Dictionary<TKey, double> weights) where TKey : notnull
    {
        var max = weights.Count == 0 ? 0 : weights.Values.Max();
        return max <= 0 ? [] : weights.ToDictionary(w => w.Key, w => w.Value / max);
    }

    /// <summary>The personal mix: candidates by weighted trend and affinity, best first, each with why it is shown.</summary>
    public static IReadOnlyList<MixEntry> Mix(IReadOnlyList<MixCandidate> candidates, AffinityProfile profile, RankingOptions options)
    {
        if (candidates.Count == 0) return [];
        var best = candidates.Max(c => c.StoredScore);
        var ranked = candidates.Select(c =>
        {
            var factors = Factors(c, profile, options, best);
            return new { Candidate = c, Total = factors.Sum(f => f.Weight), Reason = PickReason(factors) };
        })
        .OrderByDescending(r => r.Total).ThenByDescending(r => r.Candidate.StoredScore).ThenByDescending(r => r.Candidate.NoteId)
        .Select(r => new MixEntry(r.Candidate.NoteId, r.Candidate.AuthorId, r.Reason))
        .ToList();
        return SpreadAuthors(ranked, e => e.AuthorId);
    }

    /// <summary>Each factor's weighted share of a candidate's mix score; the strongest is the reason it is shown.</summary>
    public static IReadOnlyList<MixFactor> Factors(MixCandidate c, AffinityProfile profile, RankingOptions options, double bestStoredScore)
    {
        var factors = new List<MixFactor> { new(ReasonKind.Trending, null, options.MixTrendWeight * Relative(c.StoredScore, bestStoredScore)) };
        if (c.FollowsAuthor) factors.Add(new(ReasonKind.FollowedAuthor, null, options.MixFollowWeight));
        var topic = c.Topics.Select(t => (t.Name, Weight: profile.Topics.GetValueOrDefault(t.Id))).DefaultIfEmpty().MaxBy(t => t.Weight);
        if (topic.Weight > 0) factors.Add(new(ReasonKind.LikedTopic, topic.Name, options.MixTopicWeight * topic.Weight));
        if (profile.Channels.GetValueOrDefault(c.Channel) is var channel and > 0) factors.Add(new(ReasonKind.Channel, c.Channel, options.MixChannelWeight * channel));
        if (profile.Authors.GetValueOrDefault(c.AuthorId) is var author and > 0) factors.Add(new(ReasonKind.LikedAuthor, null, options.MixAuthorWeight * author));
        return factors;
    }

    /// <summary>The strongest factor; ties go to the earlier kind in the list (trending first).</summary>
    public static MixReason PickReason(IReadOnlyList<MixFactor> factors)
    {
        var strongest = factors.Aggregate((best, f) => f.Weight > best.Weight ? f : best);
        return new MixReason(strongest.Kind, strongest.Label);
    }

    /// <summary>
    /// Reorders so no two neighbours share an author, staying as close to the given order as it can:
    /// each place takes the earliest item whose author differs from the previous one, unless one
    /// author holds more than half of what is left (then that author must go now, or it could not be
    /// spread). When only one author is left, the rest go at the end in their order.
    /// </summary>
    public static IReadOnlyList<T> SpreadAuthors<T>(IReadOnlyList<T> ordered, Func<T, string> authorOf)
    {
        var pending = ordered.ToList();
        var left = pending.GroupBy(authorOf).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<T>(ordered.Count);
        string? previous = null;
        while (pending.Count > 0)
        {
            var (crowded, count) = left.MaxBy(a => a.Value);
            var index = 2 * count > pending.Count && crowded != previous
                ? pending.FindIndex(item => authorOf(item) == crowded)
                : pending.FindIndex(item => authorOf(item) != previous);
            if (index < 0)
            {
                result.AddRange(pending);
                break;
            }
            var next = pending[index];
            pending.RemoveAt(index);
            previous = authorOf(next);
            if (--left[previous] == 0) left.Remove(previous);
            result.Add(next);
        }
        return result;
    }
}

/// <summary>A note the member liked (weight 1), collected (2) or commented on (3), by default weights.</summary>
public record EngagedNote(string AuthorId, string Channel, IReadOnlyList<long> TopicIds, double Weight);

public record AffinityProfile(IReadOnlyDictionary<long, double> Topics, IReadOnlyDictionary<string, double> Channels, IReadOnlyDictionary<string, double> Authors)
{
    public static readonly AffinityProfile Empty = new(new Dictionary<long, double>(), new Dictionary<string, double>(), new Dictionary<string, double>());
}

public record TopicTag(long Id, string Name);

public record MixCandidate(long NoteId, string AuthorId, string Channel, IReadOnlyList<TopicTag> Topics, double StoredScore, bool FollowsAuthor);

public enum ReasonKind { Trending, FollowedAuthor, LikedTopic, Channel, LikedAuthor }

/// <summary>Why a card is in the mix; Label is the topic name or the channel key where the kind needs one.</summary>
public record MixReason(ReasonKind Kind, string? Label);

public record MixFactor(ReasonKind Kind, string? Label, double Weight);

public record MixEntry(long NoteId, string AuthorId, MixReason Reason);
