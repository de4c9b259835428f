using Dapper;

namespace RedMvc.Web.Features.Discover;

/// <summary>
/// The discover feeds: trending for visitors (keyset on the trends table), newest first (keyset on
/// publish time, id) for the chronological switch and the following feed.
/// Each page costs the same however deep the reader scrolls.
/// </summary>
public class DiscoverQueries(AppDbContext db, NoteCards cards)
{
    public const int PageSize = 24;

    public record FeedPage(IReadOnlyList<NoteCard> Cards, string? Next);

    private sealed class ScoreRow
    {
        public long NoteId { get; init; }
        public double Score { get; init; }
    }

    /// <summary>
    /// Visitors' order: the trends table in score order ("CROSS JOIN" keeps SQLite walking it in that
    /// order), each note still public and published now. On a fresh site, before
    /// the trends job has written anything for this channel, the newest notes instead.
    /// </summary>
    public async Task<FeedPage> TrendingAsync(string channel, TrendCursor? after)
    {
        var dialect = SqlDialect.For(db);
        var sql = $"""
            SELECT {dialect.Top(PageSize + 1)} s."NoteId", s."Score" FROM "NoteScores" s CROSS JOIN "Notes" n
            WHERE n."Id" = s."NoteId" AND {NoteAccess.PublicReachSql("n")}
            {(channel == Channels.Recommended ? "" : """AND s."Channel" = @channel""")}
            {(after is null ? "" : """AND (s."Score" < @score OR (s."Score" = @score AND s."NoteId" < @noteId))""")}
            ORDER BY s."Score" DESC, s."NoteId" DESC {dialect.Limit(PageSize + 1)}
            """;
        var rows = (await db.WithConnectionAsync(connection => connection.QueryAsync<ScoreRow>(sql, new
        {
            channel,
            score = after?.Score ?? 0, noteId = after?.NoteId ?? 0,
        }))).ToList();
        if (after is null && rows.Count == 0) return await LatestAsync(channel, null, null);

        var shown = rows.Take(PageSize).ToList();
        var page = await cards.LoadAsync(shown.Select(r => r.NoteId).ToList(), null);
        return new FeedPage(page, rows.Count > PageSize ? new TrendCursor(shown[^1].Score, shown[^1].NoteId).ToString() : null);
    }

    /// <summary>Newest first: what visitors see before the first trends run, and members who switched to chronological.</summary>
    public async Task<FeedPage> LatestAsync(string channel, FeedCursor? after, string? viewerId)
    {
        var notes = cards.PublicFeedOf(viewerId);
        if (channel != Channels.Recommended) notes = notes.Where(n => n.Channel == channel);
        return await NewestPageAsync(notes, after, viewerId);
    }

    /// <summary>Notes of the people the member follows that the member may see, newest first.</summary>
    public Task<FeedPage> FollowingAsync(string memberId, FeedCursor? after)
    {
        var followed = db.Follows.Where(f => f.FollowerId == memberId).Select(f => f.FolloweeId);
        var notes = cards.InFeedsOf(memberId).Where(n => followed.Contains(n.AuthorId));
        return NewestPageAsync(notes, after, memberId);
    }

    private async Task<FeedPage> NewestPageAsync(IQueryable<Note> notes, FeedCursor? after, string? viewerId)
    {
        var (page, more) = await cards.NewestAsync(notes, after?.PublishedAt, after?.Id ?? 0, PageSize, viewerId);
        return new FeedPage(page, more ? new FeedCursor(page[^1].PublishedAt!.Value, page[^1].Id).ToString() : null);
    }
}
