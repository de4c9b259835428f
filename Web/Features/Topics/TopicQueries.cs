using Dapper;

namespace RedMvc.Web.Features.Topics;

public record HotTopicsPage(IReadOnlyList<HotTopic> Topics);

/// <summary>A topic's page: Sort is "hot" (trends table order) or "new"; Next continues the same sort.</summary>
public record TopicPage(string Name, string Sort, int TrendingNotes, IReadOnlyList<NoteCard> Notes, string? Next)
{
    public const string Hot = "hot";
    public const string New = "new";

    public string Url(string sort) => $"/topics/{Uri.EscapeDataString(Name)}{(sort == New ? "" : "?sort=" + sort)}";

    public string MoreUrl => $"{Url(Sort)}{(Sort == New ? "?" : "&")}after={Next}";
}

/// <summary>
/// Hot topics (from the trends job) and topic pages, both sorts keyset-paged. Hot walks the trends
/// table in score order and keeps the topic's notes ("CROSS JOIN" holds that order in SQLite), so a
/// page stops after a page of matches however many notes the topic has.
/// </summary>
public class TopicQueries(AppDbContext db, NoteCards cards)
{
    public const int PageSize = 24;

    private sealed class ScoreRow
    {
        public long NoteId { get; init; }
        public double Score { get; init; }
    }

    /// <summary>Public, published notes with the topic: newest first, or hot (the trends table's order).</summary>
    public async Task<TopicPage?> PageAsync(string name, string sort, string? after, string? viewerId)
    {
        var normalized = Topic.Normalize(name);
        var topic = await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.NormalizedName == normalized);
        if (topic is null) return null;
        // Public notes only (a topic page is the same for everyone), less a member's blocks and dismissals, as in Hot.
        var tagged = cards.PublicFeedOf(viewerId).Where(n => n.Topics.Any(t => t.TopicId == topic.Id));
        // Its trending notes from the trends job: one row, where counting every tagged note would grow with the topic.
        var trending = await db.TopicScores.Where(s => s.TopicId == topic.Id).Select(s => s.NoteCount).SingleOrDefaultAsync();

        if (sort == TopicPage.Hot)
        {
            var cursor = TrendCursor.Parse(after);
            var d = SqlDialect.For(db);
            var afterCursor = cursor is null ? "" : """AND (s."Score" < @score OR (s."Score" = @score AND s."NoteId" < @noteId))""";
            var sql = $"""
                SELECT {d.Top(PageSize + 1)} s."NoteId", s."Score" FROM "NoteScores" s CROSS JOIN "Notes" n
                WHERE n."Id" = s."NoteId" AND {NoteAccess.PublicReachSql("n")}
                    AND EXISTS (SELECT 1 FROM "NoteTopics" t WHERE t."NoteId" = s."NoteId" AND t."TopicId" = @topicId)
                {afterCursor}
                ORDER BY s."Score" DESC, s."NoteId" DESC {d.Limit(PageSize + 1)}
                """;
            var rows = (await db.WithConnectionAsync(connection => connection.QueryAsync<ScoreRow>(sql, new
            {
                topicId = topic.Id,
                score = cursor?.Score ?? 0, noteId = cursor?.NoteId ?? 0,
            }))).ToList();
            var shown = rows.Take(PageSize).ToList();
            var hot = await cards.LoadAsync(shown.Select(r => r.NoteId).ToList(), viewerId);
            return new TopicPage(topic.Name, sort, trending, hot,
                rows.Count > PageSize ? new TrendCursor(shown[^1].Score, shown[^1].NoteId).ToString() : null);
        }

        var newest = FeedCursor.Parse(after);
        var (page, more) = await cards.NewestAsync(tagged, newest?.PublishedAt, newest?.Id ?? 0, PageSize, viewerId);
        return new TopicPage(topic.Name, TopicPage.New, trending, page, more ? new FeedCursor(page[^1].PublishedAt!.Value, page[^1].Id).ToString() : null);
    }
}
