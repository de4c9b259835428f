using Dapper;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Search;

/// <summary>One index table: its name, its FTS5 table (SQLite), its integer row id and the item key it yields.</summary>
public sealed record SearchTable(string Table, string RowId, string Key)
{
    public static readonly SearchTable Notes = new("SearchNotes", "NoteId", "NoteId");
    public static readonly SearchTable People = new("SearchPeople", "Id", "UserId");
    public static readonly SearchTable Products = new("SearchProducts", "ProductId", "ProductId");

    public string Fts => Table + "Fts";
}

/// <summary>
/// The provider's full-text match as a subquery of ("Key", "Score") rows, a higher score a better match,
/// for the caller to join to the items and filter by who may see them. Titles weigh more than the body
/// (SQLite four times; PostgreSQL ts_rank's default weights: A 1.0, B 0.4).
/// SQLite: FTS5 MATCH with bm25 (negated). PostgreSQL: the tsvector with ts_rank. SQL Server: LIKE over the
/// same segmented text, every score 0, so relevance falls back to the caller's tie-break (docs/decisions/0032).
/// Only tokens of the query reach the SQL, always as parameters.
/// </summary>
public static class SearchMatch
{
    public static (string Sql, DynamicParameters Parameters) For(AppDbContext db, SearchTable table, SearchQuery query)
    {
        if (query.IsEmpty) throw new ArgumentException("An empty query matches nothing; do not search.", nameof(query));
        var parameters = new DynamicParameters();
        if (db.Database.IsNpgsql())
        {
            parameters.Add("match", query.ToTsQuery());
            return ($"""
                SELECT e."{table.Key}" AS "Key", ts_rank(e."Vector", to_tsquery('simple', @match))::float8 AS "Score"
                FROM "{table.Table}" e WHERE e."Vector" @@ to_tsquery('simple', @match)
                """, parameters);
        }
        if (db.Database.IsSqlServer()) return (LikeSql(table, query, parameters), parameters);
        parameters.Add("match", query.ToFts5());
        var from = table.RowId == table.Key
            ? $"""SELECT "{table.Fts}".rowid AS "Key", """
            : $"""SELECT e."{table.Key}" AS "Key", """;
        var join = table.RowId == table.Key ? "" : $"""JOIN "{table.Table}" e ON e."{table.RowId}" = "{table.Fts}".rowid""";
        return ($"""
            {from}-bm25("{table.Fts}", 4.0, 1.0) AS "Score"
            FROM "{table.Fts}" {join} WHERE "{table.Fts}" MATCH @match
            """, parameters);
    }

    private static string LikeSql(SearchTable table, SearchQuery query, DynamicParameters parameters)
    {
        var text = $"""(N' ' + e."Title" + N' ' + e."Body" + N' ')""";
        var terms = new List<string>();
        var n = 0;
        foreach (var term in query.Terms)
        {
            var alternatives = term.ToLikePatterns().Select(set => "(" + string.Join(" AND ", set.Select(pattern =>
            {
                parameters.Add($"like{n}", pattern);
                return $"{text} LIKE @like{n++}";
            })) + ")");
            terms.Add("(" + string.Join(" OR ", alternatives) + ")");
        }
        return $"""
            SELECT e."{table.Key}" AS "Key", CAST(0 AS float) AS "Score"
            FROM "{table.Table}" e WHERE {string.Join(" AND ", terms)}
            """;
    }
}
