using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
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
/// </summary>
public class PersonalMix(AppDbContext db, NoteCards cards, IMemoryCache cache, IOptions<RankingOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan MixLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FirstPageReuse = TimeSpan.FromSeconds(30);

    private RankingOptions Settings => options.Value;

    public async Task<DiscoverQueries.FeedPage> PageAsync(string memberId, string channel, MixCursor? after)
    {
        var key = ("mix", memberId, Generation(memberId), channel);
        var now = clock.GetUtcNow();
        if (!cache.TryGetValue(key, out ComputedMix? computed) || computed is null || (after is null && now - computed.At > FirstPageReuse))
        {
            computed = new ComputedMix(await ComputeAsync(memberId, channel), now);
            cache.Set(key, computed, MixLifetime);
        }
        var mix = computed.Entries;
        var offset = Math.Max(0, after?.Offset ?? 0);
        var shown = mix.Skip(offset).Take(DiscoverQueries.PageSize).ToList();
        var reasons = shown.ToDictionary(e => e.NoteId, e => e.Reason);
        // Loaded with the visibility rules again: a note hidden, blocked or dismissed since the list was computed drops out.
        var page = await cards.LoadAsync(shown.Select(e => e.NoteId).ToList(), memberId);
        var next = offset + DiscoverQueries.PageSize < mix.Count ? new MixCursor(offset + DiscoverQueries.PageSize).ToString() : null;
        return new DiscoverQueries.FeedPage(page.Select(c => c with { Reason = reasons[c.Id] }).ToList(), next);
    }

    private sealed record ComputedMix(IReadOnlyList<MixEntry> Entries, DateTimeOffset At);

    /// <summary>Called after every post by the member: the next discover page computes a fresh mix.</summary>
    public void Forget(string memberId) => cache.Set(("mix-generation", memberId), Generation(memberId) + 1, MixLifetime);

    private int Generation(string memberId) => cache.TryGetValue(("mix-generation", memberId), out int generation) ? generation : 0;

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
