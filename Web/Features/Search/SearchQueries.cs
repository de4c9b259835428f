using System.Globalization;
using Dapper;
using RedMvc.Domain.Search;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Search;

/// <summary>
/// Search reads: the provider's full-text match (SearchMatch; for notes and people only the newest
/// matches) joined to the items, with who may see them asked at query time (NoteAccess for notes,
/// blocks for people and shops, status for products),
/// so the index never needs to know about visibility and a stale index row can never leak an item.
/// Keyset pages by (sort value, id); one query per page plus the cards' own.
/// </summary>
public class SearchQueries(AppDbContext db, NoteCards cards, IConfiguration configuration)
{
    public const int PageSize = 20;
    private const int SuggestionsEach = 5;
    private const int SuggestionCandidates = 200;
    private const int ExcerptLength = 80;

    /// <summary>How many of the newest matching notes (or people) a search sorts and pages through (Search:Candidates; docs/decisions/0038).</summary>
    private readonly int _candidates = Math.Max(PageSize + 1, configuration.GetValue("Search:Candidates", 500));

    private sealed class NoteRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTime PublishedAt { get; init; }
        public int LikeCount { get; init; }
        public int CommentCount { get; init; }
        public int CollectCount { get; init; }
        public double Score { get; init; }
    }

    private sealed class PersonRow
    {
        public string Id { get; init; } = "";
        public string Handle { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string? AvatarKey { get; init; }
        public string? Bio { get; init; }
        public int Followers { get; init; }
        public bool ViewerFollows { get; init; }
        public double Score { get; init; }
    }

    private sealed class ProductRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string ShopName { get; init; } = "";
        public long PriceFen { get; init; }
        public int Stock { get; init; }
        public double Score { get; init; }
    }

    /// <summary>
    /// Notes: the newest Search:Candidates matches at or below the window's ceiling (the newest
    /// note when the first page was made, kept in the cursor so later pages sort the same candidates), of
    /// which those the viewer may find (NoteAccess.MayFind) and the filters keep are sorted and paged. So a
    /// word in every note costs what a rare one does; for such a word the list ends after the window, and
    /// says so (docs/decisions/0038).
    /// </summary>
    public async Task<NoteResults> NotesAsync(SearchQuery query, SearchFilters filters, string? viewerId, SearchCursor? after, DateTime now)
    {
        var ceiling = after?.Window ?? await db.Notes.MaxAsync(n => (long?)n.Id) ?? 0;
        var (candidates, parameters) = SearchMatch.Newest(db, SearchTable.Notes, query, _candidates, ceiling);
        parameters.Add("me", viewerId);
        var conditions = new List<string>();
        if (filters.Channel is { } channel)
        {
            conditions.Add("""n."Channel" = @channel""");
            parameters.Add("channel", channel);
        }
        if (filters.Since(now) is { } since)
        {
            conditions.Add("""n."PublishedAt" >= @since""");
            parameters.Add("since", since);
        }
        if (filters.Following && viewerId is not null)
            conditions.Add("""EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = @me AND f."FolloweeId" = n."AuthorId")""");
        var relevance = filters.Sort == "relevance";
        var column = filters.Sort switch
        {
            "newest" => """r."PublishedAt" """,
            "likes" => """r."LikeCount" """,
            "comments" => """r."CommentCount" """,
            "collects" => """r."CollectCount" """,
            _ => """r."Score" """,
        };
        var keyset = "";
        if (after?.NumericId is { } afterId && KeyOf(filters.Sort, after) is { } value)
        {
            keyset = $"""WHERE {column} < @after OR ({column} = @after AND r."Id" < @afterId)""";
            parameters.Add("after", value);
            parameters.Add("afterId", afterId);
        }
        var dialect = SqlDialect.For(db);
        var sql = $"""
            SELECT {dialect.Top(PageSize + 1)} r.* FROM (
                SELECT n."Id", n."Title", n."Body", n."PublishedAt", n."LikeCount", n."CommentCount", n."CollectCount",
                    {(relevance ? SearchMatch.Score(db, query, "e", parameters) : "0")} AS "Score"
                FROM ({candidates}) m JOIN "Notes" n ON n."Id" = m."Key"
                    {(relevance ? """JOIN "SearchNotes" e ON e."NoteId" = m."Key" """ : "")}
                WHERE {NoteAccess.MayFindSql("n", "@me")}
                    AND NOT EXISTS (SELECT 1 FROM "NotInterested" x WHERE x."UserId" = @me AND x."NoteId" = n."Id")
                    {string.Concat(conditions.Select(c => " AND " + c))}
            ) r {keyset}
            ORDER BY {column} DESC, r."Id" DESC
            {dialect.Limit(PageSize + 1)}
            """;
        var rows = (await db.WithConnectionAsync(c => c.QueryAsync<NoteRow>(sql, parameters))).ToList();
        var shown = rows.Take(PageSize).ToList();
        var byId = shown.ToDictionary(r => r.Id);
        var found = (await cards.LoadAsync(shown.Select(r => r.Id).ToList(), viewerId))
            .Select(card => card with { Match = new MatchedText(Highlighter.Pieces(card.Title, query), Highlighter.Excerpt(byId[card.Id].Body, query, ExcerptLength)) })
            .ToList();
        if (rows.Count > PageSize) return new NoteResults(found, CursorOf(filters.Sort, shown[^1], ceiling).ToString(), null);
        return new NoteResults(found, null, await WindowIsFullAsync(candidates, parameters) ? _candidates : null);
    }

    /// <summary>Whether the window held as many candidates as it may, so older ones may match too.</summary>
    private Task<bool> WindowIsFullAsync(string candidates, DynamicParameters parameters) =>
        db.WithConnectionAsync(async c => await c.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM ({candidates}) m", parameters) >= _candidates);

    /// <summary>
    /// People: as notes, the newest candidates (by when the index last wrote their row) at or below the first
    /// page's ceiling, ranked by the words their name and bio hold; follower counts only for the page's rows.
    /// </summary>
    public async Task<PeopleResults> PeopleAsync(SearchQuery query, string? viewerId, SearchCursor? after)
    {
        var ceiling = after?.Window ?? await db.SearchPeople.MaxAsync(e => (long?)e.Id) ?? 0;
        var (candidates, parameters) = SearchMatch.Newest(db, SearchTable.People, query, _candidates, ceiling);
        parameters.Add("me", viewerId);
        var keyset = "";
        if (after?.Score is { } score)
        {
            keyset = """WHERE r."Score" < @after OR (r."Score" = @after AND r."Id" < @afterId)""";
            parameters.Add("after", score);
            parameters.Add("afterId", after.Id);
        }
        var dialect = SqlDialect.For(db);
        var sql = $"""
            SELECT p.*, (SELECT COUNT(*) FROM "Follows" f WHERE f."FolloweeId" = p."Id") AS "Followers",
                CASE WHEN EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = @me AND f."FolloweeId" = p."Id") THEN 1 ELSE 0 END AS "ViewerFollows"
            FROM (
                SELECT {dialect.Top(PageSize + 1)} r.* FROM (
                    SELECT u."Id", u."Handle", u."DisplayName", u."AvatarKey", u."Bio", {SearchMatch.Score(db, query, "e", parameters)} AS "Score"
                    FROM ({candidates}) m JOIN "AspNetUsers" u ON u."Id" = m."Key" JOIN "SearchPeople" e ON e."UserId" = m."Key"
                    WHERE NOT {Blocking.EitherBlockedSql("@me", "u.\"Id\"")}
                ) r {keyset}
                ORDER BY r."Score" DESC, r."Id" DESC
                {dialect.Limit(PageSize + 1)}
            ) p
            ORDER BY p."Score" DESC, p."Id" DESC
            """;
        var rows = (await db.WithConnectionAsync(c => c.QueryAsync<PersonRow>(sql, parameters))).ToList();
        var shown = rows.Take(PageSize).Select(r => new PersonResult(new AuthorView(r.Id, r.Handle, r.DisplayName, r.AvatarKey),
            Highlighter.Pieces(r.DisplayName, query), Highlighter.Pieces(r.Bio, query), r.Followers, r.ViewerFollows)).ToList();
        if (rows.Count > PageSize) return new PeopleResults(shown, (SearchCursor.Of(rows[PageSize - 1].Score, rows[PageSize - 1].Id) with { Window = ceiling }).ToString(), null);
        return new PeopleResults(shown, null, await WindowIsFullAsync(candidates, parameters) ? _candidates : null);
    }

    public async Task<(IReadOnlyList<ProductResult> Products, string? Next)> ProductsAsync(SearchQuery query, string? viewerId, SearchCursor? after)
    {
        var (match, parameters) = SearchMatch.For(db, SearchTable.Products, query);
        parameters.Add("me", viewerId);
        var keyset = "";
        if (after is { Score: { } score, NumericId: { } afterId })
        {
            keyset = """AND (m."Score" < @after OR (m."Score" = @after AND p."Id" < @afterId))""";
            parameters.Add("after", score);
            parameters.Add("afterId", afterId);
        }
        var dialect = SqlDialect.For(db);
        var sql = $"""
            SELECT {dialect.Top(PageSize + 1)} p."Id", p."Title", s."Name" AS "ShopName", m."Score",
                (SELECT MIN(v."PriceFen") FROM "ProductVariants" v WHERE v."ProductId" = p."Id") AS "PriceFen",
                (SELECT COALESCE(SUM(v."Stock"), 0) FROM "ProductVariants" v WHERE v."ProductId" = p."Id") AS "Stock"
            FROM ({match}) m JOIN "Products" p ON p."Id" = m."Key" JOIN "Shops" s ON s."Id" = p."ShopId"
            WHERE p."Status" = {(int)ProductStatus.Active} AND NOT {Blocking.EitherBlockedSql("@me", "s.\"OwnerId\"")} {keyset}
            ORDER BY m."Score" DESC, p."Id" DESC
            {dialect.Limit(PageSize + 1)}
            """;
        var rows = (await db.WithConnectionAsync(c => c.QueryAsync<ProductRow>(sql, parameters))).ToList();
        var shown = rows.Take(PageSize).ToList();
        var covers = await ProductPhotos.CoversAsync(db, shown.Select(r => r.Id));
        var products = shown.Select(r => new ProductResult(
            new ProductCard(r.Id, r.Title, r.PriceFen, null, ProductPhotos.CoverOf(covers, r.Id, r.Title), r.Stock <= 0),
            Highlighter.Pieces(r.Title, query), r.ShopName, r.Stock)).ToList();
        var next = rows.Count > PageSize ? SearchCursor.Of(shown[^1].Score, shown[^1].Id.ToString(CultureInfo.InvariantCulture)).ToString() : null;
        return (products, next);
    }

    /// <summary>
    /// Topics whose name starts with what was typed, and people and products with a word of their name that
    /// starts with it (Chinese or Latin), never across a block. People and products come from the search
    /// index (the newest <see cref="SuggestionCandidates"/> title matches), not from scanning their tables.
    /// </summary>
    public async Task<SearchSuggestions> SuggestAsync(string? typed, string? viewerId)
    {
        var text = (typed ?? "").Trim();
        if (text.Length is 0 or > SearchQuery.MaxLength) return new SearchSuggestions([], [], []);
        var topic = Topic.Normalize(text);
        var topics = topic.Length == 0 ? [] : await db.Topics.AsNoTracking().Where(t => t.NormalizedName.StartsWith(topic))
            .OrderBy(t => t.NormalizedName.Length).ThenBy(t => t.NormalizedName).Select(t => t.Name).Take(SuggestionsEach).ToListAsync();
        var query = SearchQuery.Parse(text.TrimStart('@')).WithLastWordAsPrefix();
        if (query.IsEmpty) return new SearchSuggestions(topics, [], []);
        var blocked = db.Blocks.Where(b => b.BlockerId == viewerId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == viewerId).Select(b => b.BlockerId));
        var personIds = await TitleMatchesAsync<string>(SearchTable.People, query);
        var people = await db.Users.AsNoTracking()
            .Where(u => personIds.Contains(u.Id) && !u.Handle.StartsWith("@") && !blocked.Contains(u.Id))
            .OrderBy(u => u.Handle.Length).ThenBy(u => u.Handle).Select(u => new PersonSuggestion(u.Handle, u.DisplayName)).Take(SuggestionsEach).ToListAsync();
        var productIds = await TitleMatchesAsync<long>(SearchTable.Products, query);
        var products = await db.Products.AsNoTracking()
            .Where(p => productIds.Contains(p.Id) && p.Status == ProductStatus.Active && !db.Shops.Any(s => s.Id == p.ShopId && blocked.Contains(s.OwnerId)))
            .OrderBy(p => p.Title.Length).ThenBy(p => p.Id).Select(p => new ProductSuggestion(p.Id, p.Title)).Take(SuggestionsEach).ToListAsync();
        return new SearchSuggestions(topics, people, products);
    }

    private async Task<List<T>> TitleMatchesAsync<T>(SearchTable table, SearchQuery query)
    {
        var (sql, parameters) = SearchMatch.InTitles(db, table, query, SuggestionCandidates);
        return (await db.WithConnectionAsync(c => c.QueryAsync<T>(sql, parameters))).ToList();
    }

    private static object? KeyOf(string sort, SearchCursor after) => sort switch
    {
        "newest" => after.Number is { } ticks && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks ? new DateTime(ticks, DateTimeKind.Utc) : null,
        "likes" or "comments" or "collects" => after.Number is { } count and >= int.MinValue and <= int.MaxValue ? (int)count : null,
        _ => after.Score,
    };

    private static SearchCursor CursorOf(string sort, NoteRow row, long window)
    {
        var id = row.Id.ToString(CultureInfo.InvariantCulture);
        var cursor = sort switch
        {
            "newest" => SearchCursor.Of(row.PublishedAt.Ticks, id),
            "likes" => SearchCursor.Of(row.LikeCount, id),
            "comments" => SearchCursor.Of(row.CommentCount, id),
            "collects" => SearchCursor.Of(row.CollectCount, id),
            _ => SearchCursor.Of(row.Score, id),
        };
        return cursor with { Window = window };
    }
}
