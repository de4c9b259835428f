using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using RedMvc.Domain.Ranking;

namespace RedMvc.Web.Features.Discover;

/// <summary>
/// A member's discover order. Candidates: the top of the trends table, recent notes of the people
/// they follow (mutual-followers ones when mutual), and the newest public notes (so a note is not
/// invisible until the next trends run); never their own, blocked either way, or "not interested".
/// TrendMaths ranks them by trend and the member's affinity, spreads authors, and names a reason.
///
/// Paging is by position in that list ("m{offset}"), not a keyset: the list is computed in memory
/// from a bounded candidate set (a few hundred notes), so an offset costs nothing in SQL, and the
/// list is kept for a few minutes so the next pages continue the same order instead of reshuffling.
/// A first page reuses a list computed in the last FirstPageReuse, unless the member has posted
/// anything since (ForgetMixAfterPosts): their own likes, follows and dismissals show at once,
/// others' activity within seconds, and a member reloading discover does not recompute every time.
///
/// The list lives in the SharedCache (Redis on a web farm), so the next page may be served by another
/// node and a POST on one node is seen by all. Forgetting writes a new generation instead of deleting
/// the lists: a node still computing from what it read before the POST stores its list under the old
/// generation, where nobody looks again.
/// </summary>
public class PersonalMix(AppDbContext db, NoteCards cards, SharedCache cache, IOptions<RankingOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan MixLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstPageReuse = TimeSpan.FromSeconds(30);
    // Outlives every list stored under it, so a generation that expires leaves none of its lists behind.
    private static readonly TimeSpan GenerationLifetime = MixLifetime * 2;

    private RankingOptions Settings => options.Value;

    public async Task<DiscoverQueries.FeedPage> PageAsync(string memberId, string channel, MixCursor? after)
    {
        var generation = await cache.GetAsync<string>(GenerationKey(memberId)) ?? "0";
        var key = $"mix:v1:{memberId}:{generation}:{channel}";
        var now = clock.GetUtcNow();
        var computed = await cache.GetAsync<ComputedMix>(key);
        if (computed is null || (after is null && now - computed.At > FirstPageReuse))
            computed = await ComputeOnceAsync(key, memberId, channel, now);
        var offset = Math.Max(0, after?.Offset ?? 0);
        var shown = Enumerable.Range(offset, Math.Max(0, Math.Min(DiscoverQueries.PageSize, computed.Notes.Length - offset))).ToList();
        var reasons = shown.ToDictionary(i => computed.Notes[i], computed.ReasonAt);
        // Loaded with the visibility rules again: a note hidden, blocked or dismissed since the list was computed drops out.
        var page = await cards.LoadAsync(shown.Select(i => computed.Notes[i]).ToList(), memberId);
        var next = offset + DiscoverQueries.PageSize < computed.Notes.Length ? new MixCursor(offset + DiscoverQueries.PageSize).ToString() : null;
        return new DiscoverQueries.FeedPage(page.Select(c => c with { Reason = reasons[c.Id] }).ToList(), next);
    }

    /// <summary>A computed mix as it is kept: parallel arrays, a few bytes a note (up to some 700 notes).</summary>
    private sealed record ComputedMix(DateTimeOffset At, long[] Notes, ReasonKind[] Kinds, string?[] Labels)
    {
        public static ComputedMix Of(IReadOnlyList<MixEntry> mix, DateTimeOffset at) =>
            new(at, mix.Select(e => e.NoteId).ToArray(), mix.Select(e => e.Reason.Kind).ToArray(), mix.Select(e => e.Reason.Label).ToArray());

        public MixReason ReasonAt(int index) => new(Kinds[index], Labels[index]);
    }

    // The computations under way on this node, by list key: requests of one member that find the list
    // missing or stale at the same moment (a double click, a prefetch, several tabs) share one.
    private static readonly ConcurrentDictionary<string, Lazy<Task<ComputedMix>>> Computing = new();

    private async Task<ComputedMix> ComputeOnceAsync(string key, string memberId, string channel, DateTimeOffset now)
    {
        var computation = Computing.GetOrAdd(key, _ => new Lazy<Task<ComputedMix>>(async () =>
        {
            var computed = ComputedMix.Of(await ComputeAsync(memberId, channel), now);
            await cache.SetAsync(key, computed, MixLifetime);
            return computed;
        }));
        try
        {
            return await computation.Value;
        }
        finally
        {
            Computing.TryRemove(new KeyValuePair<string, Lazy<Task<ComputedMix>>>(key, computation));
        }
    }

    /// <summary>Called after every post by the member: the next discover page, on any node, computes a fresh mix.</summary>
    public Task ForgetAsync(string memberId) => cache.SetAsync(GenerationKey(memberId), Guid.NewGuid().ToString("N"), GenerationLifetime);

    private static string GenerationKey(string memberId) => $"mix-generation:{memberId}";

    private async Task<IReadOnlyList<MixEntry>> ComputeAsync(string memberId, string channel)
    {
        var profile = await ProfileAsync(memberId);
        var candidates = await CandidatesAsync(memberId, channel);
        return TrendMaths.Mix(candidates, profile, Settings);
    }

    private sealed class CandidateRow
    {
        public long Id { get; init; }
        public string AuthorId { get; init; } = "";
        public string Channel { get; init; } = "";
        public DateTime PublishedAt { get; init; }
        public int LikeCount { get; init; }
        public int CollectCount { get; init; }
        public int CommentCount { get; init; }
        public bool FollowsAuthor { get; init; }
        public long? TopicId { get; init; }
        public string? TopicName { get; init; }
    }

    /// <summary>
    /// One query: the candidate notes with everything the maths needs, a row per topic. "ids CROSS
    /// JOIN Notes" makes SQLite start from the few hundred ids (it keeps the written order of a cross
    /// join) instead of walking every published note; SQL Server plans it as the plain join it is.
    /// </summary>
    private async Task<IReadOnlyList<MixCandidate>> CandidatesAsync(string memberId, string channel)
    {
        var d = SqlDialect.For(db);
        var s = Settings;
        var inChannel = channel == Channels.Recommended ? "" : """AND "Channel" = @channel""";
        var sql = $"""
            WITH ids AS (
                SELECT "NoteId" AS "Id" FROM (
                    SELECT {d.Top(s.MixTrendingCandidates)} "NoteId" FROM "NoteScores" WHERE 1 = 1 {inChannel}
                    ORDER BY "Score" DESC, "NoteId" DESC {d.Limit(s.MixTrendingCandidates)}) trending
                UNION
                SELECT "Id" FROM (
                    SELECT {d.Top(s.MixFollowedCandidates)} "Id" FROM "Notes"
                    WHERE "Status" = @published AND "PublishedAt" >= @followedSince {inChannel}
                        AND "AuthorId" IN (SELECT "FolloweeId" FROM "Follows" WHERE "FollowerId" = @me)
                    ORDER BY "PublishedAt" DESC {d.Limit(s.MixFollowedCandidates)}) followed
                UNION
                SELECT "Id" FROM (
                    SELECT {d.Top(s.MixFreshCandidates)} f."Id" FROM "Notes" f WHERE {NoteAccess.PublicReachSql("f")} {inChannel}
                    ORDER BY f."PublishedAt" DESC {d.Limit(s.MixFreshCandidates)}) fresh
            )
            SELECT n."Id", n."AuthorId", n."Channel", n."PublishedAt", n."LikeCount", n."CollectCount", n."CommentCount",
                CASE WHEN EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = @me AND f."FolloweeId" = n."AuthorId") THEN 1 ELSE 0 END AS "FollowsAuthor",
                t."TopicId", p."Name" AS "TopicName"
            FROM ids CROSS JOIN "Notes" n
            LEFT JOIN "NoteTopics" t ON t."NoteId" = n."Id" LEFT JOIN "Topics" p ON p."Id" = t."TopicId"
            WHERE n."Id" = ids."Id" AND n."AuthorId" <> @me AND {NoteAccess.MaySeeSql("n", "@me")}
                AND NOT EXISTS (SELECT 1 FROM "NotInterested" x WHERE x."UserId" = @me AND x."NoteId" = n."Id")
            """;
        return await db.WithConnectionAsync(connection => ReadCandidatesAsync(connection, sql, memberId, channel));
    }

    private async Task<IReadOnlyList<MixCandidate>> ReadCandidatesAsync(DbConnection connection, string sql, string memberId, string channel)
    {
        var s = Settings;
        var rows = (await connection.QueryAsync<CandidateRow>(sql, new
        {
            me = memberId, channel, published = (int)NoteStatus.Published, followedSince = clock.GetUtcNow().UtcDateTime.AddDays(-s.MixFollowedDays),
        })).ToList();
        // One row per topic of each note (or one with no topic).
        return rows.GroupBy(r => r.Id).Select(g =>
        {
            var r = g.First();
            var topics = g.Where(t => t.TopicId is not null).Select(t => new TopicTag(t.TopicId!.Value, t.TopicName!)).ToList();
            return new MixCandidate(r.Id, r.AuthorId, r.Channel, topics,
                TrendMaths.StoredScore(r.LikeCount, r.CollectCount, r.CommentCount, DateTime.SpecifyKind(r.PublishedAt, DateTimeKind.Utc), s),
                r.FollowsAuthor);
        }).ToList();
    }

    private sealed class EngagementRow
    {
        public long NoteId { get; init; }
        public int Kind { get; init; }
        public DateTime At { get; init; }
        public string AuthorId { get; init; } = "";
        public string Channel { get; init; } = "";
        public long? TopicId { get; init; }
    }

    /// <summary>The member's latest likes, collects and comments (bounded), with each note's author, channel and topics.</summary>
    private async Task<AffinityProfile> ProfileAsync(string memberId)
    {
        var d = SqlDialect.For(db);
        var n = Settings.MixEngagementHistory;
        var sql = $"""
            SELECT e."NoteId", e."Kind", e."At", n."AuthorId", n."Channel", t."TopicId" FROM (
                SELECT "NoteId", 1 AS "Kind", "At" FROM (SELECT {d.Top(n)} "NoteId", "CreatedAt" AS "At" FROM "NoteLikes" WHERE "UserId" = @me ORDER BY "CreatedAt" DESC {d.Limit(n)}) l
                UNION ALL
                SELECT "NoteId", 2 AS "Kind", "At" FROM (SELECT {d.Top(n)} "NoteId", "CreatedAt" AS "At" FROM "Collects" WHERE "UserId" = @me ORDER BY "CreatedAt" DESC {d.Limit(n)}) c
                UNION ALL
                SELECT "NoteId", 3 AS "Kind", "At" FROM (SELECT {d.Top(n)} "NoteId", "CreatedAt" AS "At" FROM "Comments" WHERE "AuthorId" = @me AND "DeletedAt" IS NULL ORDER BY "Id" DESC {d.Limit(n)}) m
            ) e
            INNER JOIN "Notes" n ON n."Id" = e."NoteId"
            LEFT JOIN "NoteTopics" t ON t."NoteId" = e."NoteId"
            """;
        var rows = await db.WithConnectionAsync(connection => connection.QueryAsync<EngagementRow>(sql, new { me = memberId }));
        var weights = new Dictionary<int, double> { [1] = Settings.LikeWeight, [2] = Settings.CollectWeight, [3] = Settings.CommentWeight };
        var engaged = rows.GroupBy(r => (r.NoteId, r.Kind))
            .Select(g => (At: g.First().At, Note: new EngagedNote(g.First().AuthorId, g.First().Channel,
                g.Where(r => r.TopicId is not null).Select(r => r.TopicId!.Value).ToList(), weights[g.Key.Kind])))
            .OrderByDescending(e => e.At).Take(n)
            .Select(e => e.Note);
        return TrendMaths.Affinity(engaged);
    }
}
