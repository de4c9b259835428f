using Dapper;
using Hangfire;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Ranking;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Rewrites the trending tables every few minutes: public published notes of the window, scored in
/// C# with TrendMaths from their stored counts, the best N kept; then each topic's summed score.
/// Both tables are replaced in one transaction, so readers see the old set or the new one, and a
/// second run on the same data writes the same rows.
/// </summary>
public class ComputeTrendsJob(AppDbContext db, IOptions<RankingOptions> options, TimeProvider clock)
{
    // Rows as classes with setters: Dapper converts column types (SQLite hands back longs and text) only on properties.
    private sealed class Candidate
    {
        public long Id { get; init; }
        public string AuthorId { get; init; } = "";
        public string Channel { get; init; } = "";
        public DateTime PublishedAt { get; init; }
        public int LikeCount { get; init; }
        public int CollectCount { get; init; }
        public int CommentCount { get; init; }
    }

    private sealed class NoteTopicRow
    {
        public long NoteId { get; init; }
        public long TopicId { get; init; }
    }

    [Queue(Queues.Default)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var candidates = await connection.QueryAsync<Candidate>(new CommandDefinition(
                $"""
                SELECT n."Id", n."AuthorId", n."Channel", n."PublishedAt", n."LikeCount", n."CollectCount", n."CommentCount" FROM "Notes" n
                WHERE {NoteAccess.PublicReachSql("n")} AND n."PublishedAt" >= @since
                """,
                new { since = now.AddDays(-settings.WindowDays) },
                cancellationToken: cancellationToken));

            var scores = candidates
                .Select(c =>
                {
                    var publishedAt = DateTime.SpecifyKind(c.PublishedAt, DateTimeKind.Utc);
                    return new
                    {
                        Row = new NoteScore
                        {
                            NoteId = c.Id, Channel = c.Channel, AuthorId = c.AuthorId, PublishedAt = publishedAt, ComputedAt = now,
                            Score = TrendMaths.StoredScore(c.LikeCount, c.CollectCount, c.CommentCount, publishedAt, settings),
                        },
                        Now = TrendMaths.Score(c.LikeCount, c.CollectCount, c.CommentCount, publishedAt, now, settings),
                    };
                })
                .OrderByDescending(s => s.Row.Score).ThenByDescending(s => s.Row.NoteId)
                .Take(settings.TopNotes)
                .ToList();

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tx = transaction.GetDbTransaction();
            if (SqlDialect.For(db).LockForRewrite("NoteScores", "TopicScores") is { } takeLock)
                await connection.ExecuteAsync(new CommandDefinition(takeLock, transaction: tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""DELETE FROM "TopicScores" """, transaction: tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""DELETE FROM "NoteScores" """, transaction: tx, cancellationToken: cancellationToken));
            // One prepared insert executed per row (Dapper's executemany), all inside the transaction.
            await connection.ExecuteAsync(new CommandDefinition(
                """INSERT INTO "NoteScores" ("NoteId", "Channel", "AuthorId", "Score", "PublishedAt", "ComputedAt") VALUES (@NoteId, @Channel, @AuthorId, @Score, @PublishedAt, @ComputedAt)""",
                scores.Select(s => s.Row), tx, cancellationToken: cancellationToken));

            // A topic is as hot as its trending notes together, in today's terms (sums need the linear score).
            var scoreNow = scores.ToDictionary(s => s.Row.NoteId, s => s.Now);
            var noteTopics = await connection.QueryAsync<NoteTopicRow>(new CommandDefinition(
                """SELECT t."NoteId", t."TopicId" FROM "NoteTopics" t INNER JOIN "NoteScores" s ON s."NoteId" = t."NoteId" """, transaction: tx, cancellationToken: cancellationToken));
            var topics = noteTopics.GroupBy(t => t.TopicId)
                .Select(g => new TopicScore { TopicId = g.Key, Score = g.Sum(t => scoreNow[t.NoteId]), NoteCount = g.Count(), ComputedAt = now })
                .ToList();
            await connection.ExecuteAsync(new CommandDefinition(
                """INSERT INTO "TopicScores" ("TopicId", "Score", "NoteCount", "ComputedAt") VALUES (@TopicId, @Score, @NoteCount, @ComputedAt)""",
                topics, tx, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Fresh planner statistics (sampled, milliseconds even at a million notes): without them
                // SQLite guesses that "Status = 2" is selective and walks every published note for a feed page.
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA analysis_limit = 1000; ANALYZE;", cancellationToken: cancellationToken));
            }
            return scores.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
