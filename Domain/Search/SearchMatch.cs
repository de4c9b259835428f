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
/// The provider's full-text match as subqueries for the caller to join to the items and filter by who may
/// see them. <see cref="For"/>: every match with a score (SQLite: FTS5 MATCH with bm25, negated, title four
/// times the body; PostgreSQL: ts_rank; SQL Server: LIKE over the same segmented text, every score 0);
/// products use it. <see cref="Newest"/>: only the newest matches, ranked by <see cref="Score"/>; notes and
/// people use it, so their cost does not grow with the matches (docs/decisions/0038). <see cref="InTitles"/>:
/// for suggestions. Only tokens of the query reach the SQL, always as parameters.
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
        return ($"""
            SELECT {FtsKey(table)} AS "Key", -bm25("{table.Fts}", 4.0, 1.0) AS "Score"
            FROM "{table.Fts}" {JoinEntries(table)} WHERE "{table.Fts}" MATCH @match
            """, parameters);
    }

    /// <summary>
    /// The newest matches: a subquery of ("Key") rows, the keys of at most <paramref name="limit"/> matching items
    /// whose index row id (a note's id; for people the index row's own id) is at most @ceiling, highest first.
    /// Every provider walks its list of matches from the newest and stops (SQLite: the FTS5 doclist by rowid;
    /// PostgreSQL: the key index, or the GIN index and a top-N sort for a rare word), so the cost does not grow
    /// with how many items match (docs/decisions/0038).
    /// </summary>
    public static (string Sql, DynamicParameters Parameters) Newest(AppDbContext db, SearchTable table, SearchQuery query, int limit, long ceiling)
    {
        if (query.IsEmpty) throw new ArgumentException("An empty query matches nothing; do not search.", nameof(query));
        var parameters = new DynamicParameters();
        parameters.Add("ceiling", ceiling);
        if (db.Database.IsNpgsql())
        {
            parameters.Add("match", query.ToTsQuery());
            return ($"""
                SELECT e."{table.Key}" AS "Key" FROM "{table.Table}" e
                WHERE e."Vector" @@ to_tsquery('simple', @match) AND e."{table.RowId}" <= @ceiling ORDER BY e."{table.RowId}" DESC LIMIT {limit}
                """, parameters);
        }
        if (db.Database.IsSqlServer())
        {
            return ($"""
                SELECT TOP ({limit}) e."{table.Key}" AS "Key" FROM "{table.Table}" e
                WHERE {string.Join(" AND ", query.Terms.Select(term => Has(SqlServerPadded("e"), term, parameters)))}
                    AND e."{table.RowId}" <= @ceiling ORDER BY e."{table.RowId}" DESC
                """, parameters);
        }
        parameters.Add("match", query.ToFts5());
        return ($"""
            SELECT {FtsKey(table)} AS "Key" FROM "{table.Fts}" {JoinEntries(table)}
            WHERE "{table.Fts}" MATCH @match AND "{table.Fts}".rowid <= @ceiling ORDER BY "{table.Fts}".rowid DESC LIMIT {limit}
            """, parameters);
    }

    /// <summary>
    /// Items whose title (a person's name and handle, a product's title) matches: a subquery of ("Key") rows,
    /// at most <paramref name="limit"/>, the most recently indexed first, so a short prefix typed into the
    /// search box costs the same however many names start with it. For suggestions.
    /// </summary>
    public static (string Sql, DynamicParameters Parameters) InTitles(AppDbContext db, SearchTable table, SearchQuery query, int limit)
    {
        if (query.IsEmpty) throw new ArgumentException("An empty query matches nothing; do not search.", nameof(query));
        var parameters = new DynamicParameters();
        if (db.Database.IsNpgsql())
        {
            parameters.Add("match", query.ToTsQuery());
            return ($"""
                SELECT e."{table.Key}" AS "Key" FROM "{table.Table}" e
                WHERE e."Vector" @@ to_tsquery('simple', @match) AND to_tsvector('simple', e."Title") @@ to_tsquery('simple', @match)
                ORDER BY e."{table.RowId}" DESC LIMIT {limit}
                """, parameters);
        }
        if (db.Database.IsSqlServer())
        {
            return ($"""
                SELECT TOP ({limit}) e."{table.Key}" AS "Key" FROM "{table.Table}" e
                WHERE {string.Join(" AND ", query.Terms.Select(term => Has("""(N' ' + e."Title" + N' ')""", term, parameters)))}
                ORDER BY e."{table.RowId}" DESC
                """, parameters);
        }
        parameters.Add("match", $"{{Title}} : ({query.ToFts5()})");
        return ($"""
            SELECT {FtsKey(table)} AS "Key" FROM "{table.Fts}" {JoinEntries(table)}
            WHERE "{table.Fts}" MATCH @match ORDER BY "{table.Fts}".rowid DESC LIMIT {limit}
            """, parameters);
    }

    /// <summary>
    /// Relevance as a SQL expression over the index row aliased <paramref name="entry"/>, the same on every provider:
    /// for each word of the query 4 when the title has it and 1 when the body has it. Only presence counts, never
    /// how often or how rare a word is: FTS5's bm25 needs a pass over every match of each word to weigh it, which is
    /// what a bounded search must not pay (docs/decisions/0038). Ties are left to the caller (newest first).
    /// </summary>
    public static string Score(AppDbContext db, SearchQuery query, string entry, DynamicParameters parameters)
    {
        var sqlServer = db.Database.IsSqlServer();
        string Padded(string column) => sqlServer ? $"""(N' ' + {entry}."{column}" + N' ')""" : $"""(' ' || {entry}."{column}" || ' ')""";
        return "(" + string.Join(" + ", query.Terms.Select(term =>
            $"CASE WHEN {Has(Padded("Title"), term, parameters)} THEN 4 ELSE 0 END + CASE WHEN {Has(Padded("Body"), term, parameters)} THEN 1 ELSE 0 END")) + ")";
    }

    // SQLite: the FTS5 row id is the item key (notes, products), or the index row's id, joined for the key (people).
    private static string FtsKey(SearchTable table) => table.RowId == table.Key ? $"\"{table.Fts}\".rowid" : $"e.\"{table.Key}\"";

    private static string JoinEntries(SearchTable table) =>
        table.RowId == table.Key ? "" : $"""JOIN "{table.Table}" e ON e."{table.RowId}" = "{table.Fts}".rowid""";

    /// <summary>Whether the space-padded text holds the term: its LIKE patterns (SearchTerm.ToLikePatterns), each a new parameter.</summary>
    private static string Has(string padded, SearchTerm term, DynamicParameters parameters) =>
        "(" + string.Join(" OR ", term.ToLikePatterns().Select(set => "(" + string.Join(" AND ", set.Select(pattern =>
        {
            var name = $"like{parameters.ParameterNames.Count()}";
            parameters.Add(name, pattern);
            return $"{padded} LIKE @{name}";
        })) + ")")) + ")";

    private static string SqlServerPadded(string entry) => $"""(N' ' + {entry}."Title" + N' ' + {entry}."Body" + N' ')""";

    private static string LikeSql(SearchTable table, SearchQuery query, DynamicParameters parameters) => $"""
        SELECT e."{table.Key}" AS "Key", CAST(0 AS float) AS "Score"
        FROM "{table.Table}" e WHERE {string.Join(" AND ", query.Terms.Select(term => Has(SqlServerPadded("e"), term, parameters)))}
        """;
}
