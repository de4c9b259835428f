using Dapper;
using Microsoft.Extensions.Caching.Memory;

namespace RedMvc.Web.Features.Shared;

public record HotTopic(long Id, string Name, int NoteCount);

/// <summary>
/// The hottest topics from the trends job, for discover and the topics page. The job rewrites them
/// every few minutes, so each node keeps its copy for half a minute instead of asking on every page.
/// </summary>
public class HotTopics(AppDbContext db, IMemoryCache memory)
{
    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(30);

    public const int OnDiscover = 10;
    public const int Listed = 50;

    private sealed class HotTopicRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public int NoteCount { get; init; }
    }

    /// <summary>The hottest topics, hottest first.</summary>
    public async Task<IReadOnlyList<HotTopic>> TopAsync(int count) =>
        (await memory.GetOrCreateAsync(("hot-topics", count), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Kept;
            return ReadAsync(count);
        }))!;

    private async Task<IReadOnlyList<HotTopic>> ReadAsync(int count)
    {
        var d = SqlDialect.For(db);
        var rows = await db.WithConnectionAsync(connection => connection.QueryAsync<HotTopicRow>($"""
            SELECT {d.Top(count)} t."Id", t."Name", s."NoteCount" FROM "TopicScores" s INNER JOIN "Topics" t ON t."Id" = s."TopicId"
            ORDER BY s."Score" DESC, s."TopicId" DESC {d.Limit(count)}
            """));
        return rows.Select(r => new HotTopic(r.Id, r.Name, r.NoteCount)).ToList();
    }
}
