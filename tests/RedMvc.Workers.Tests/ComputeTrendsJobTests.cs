using RedMvc.Domain.Ranking;

namespace RedMvc.Workers.Tests;

public class ComputeTrendsJobTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    private record Seeded(long Popular, long Quiet, long OnlyMe, long Mutual, long Deleted, long Draft, long TooOld, long CampingTopic);

    private static Task<Seeded> SeedAsync(WorkersHost host) => host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var author = await db.AddMemberAsync(Person.New("Ming"));
        var camping = new Topic("露营");
        var limits = new NoteLimits();
        Note Make(string title, NoteVisibility visibility, DateTime? publishedAt, string channel = "travel")
        {
            var note = Note.Draft(author.Id, new NoteContent(title, "", channel, null, visibility, false), Now.AddDays(-200));
            note.AddPhoto(new NotePhoto($"originals/{Guid.NewGuid():N}", "x.jpg", 0));
            note.SetTopics([camping]);
            if (publishedAt is { } at) note.Publish(at, limits);
            db.Notes.Add(note);
            return note;
        }
        var popular = Make("popular", NoteVisibility.Public, Now.AddHours(-10));
        var quiet = Make("quiet", NoteVisibility.Public, Now.AddHours(-10), channel: "food");
        var onlyMe = Make("only me", NoteVisibility.OnlyMe, Now.AddHours(-1));
        var mutual = Make("mutual", NoteVisibility.MutualFollowers, Now.AddHours(-1));
        var deleted = Make("deleted", NoteVisibility.Public, Now.AddHours(-1));
        var draft = Make("draft", NoteVisibility.Public, null);
        var tooOld = Make("too old", NoteVisibility.Public, Now.AddDays(-120));
        await db.SaveChangesAsync();
        deleted.Delete(Now);
        await db.SaveChangesAsync();
        await db.Notes.Where(n => n.Id == popular.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 10).SetProperty(n => n.CollectCount, 2).SetProperty(n => n.CommentCount, 1));
        await db.Notes.Where(n => n.Id == quiet.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 1));
        return new Seeded(popular.Id, quiet.Id, onlyMe.Id, mutual.Id, deleted.Id, draft.Id, tooOld.Id, camping.Id);
    });

    private static Task RunAsync(WorkersHost host) => host.InScopeAsync(sp =>
        ActivatorUtilities.CreateInstance<ComputeTrendsJob>(sp, new FixedClock(Now)).RunAsync(CancellationToken.None));

    private static Task<(List<NoteScore> Notes, List<TopicScore> Topics)> TablesAsync(WorkersHost host) => host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return (await db.NoteScores.AsNoTracking().OrderByDescending(s => s.Score).ToListAsync(),
            await db.TopicScores.AsNoTracking().OrderBy(s => s.TopicId).ToListAsync());
    });

    [Fact]
    public async Task Run_twice_the_job_writes_the_same_tables_of_public_published_recent_notes_best_first()
    {
        await using var host = await WorkersHost.StartAsync();
        var seeded = await SeedAsync(host);

        await RunAsync(host);
        var first = await TablesAsync(host);
        await RunAsync(host);
        var second = await TablesAsync(host);

        Assert.Equal([seeded.Popular, seeded.Quiet], first.Notes.Select(s => s.NoteId));
        Assert.Equal(["travel", "food"], first.Notes.Select(s => s.Channel));
        Assert.Equal(first.Notes.Select(s => (s.NoteId, s.Channel, s.AuthorId, s.Score, s.PublishedAt, s.ComputedAt)),
            second.Notes.Select(s => (s.NoteId, s.Channel, s.AuthorId, s.Score, s.PublishedAt, s.ComputedAt)));
        var topic = Assert.Single(first.Topics);
        Assert.Equal((seeded.CampingTopic, 2), (topic.TopicId, topic.NoteCount));
        var options = new RankingOptions();
        Assert.Equal(TrendMaths.Score(10, 2, 1, Now.AddHours(-10), Now, options) + TrendMaths.Score(1, 0, 0, Now.AddHours(-10), Now, options), topic.Score, 9);
        Assert.Equal(first.Topics.Select(t => (t.TopicId, t.Score, t.NoteCount)), second.Topics.Select(t => (t.TopicId, t.Score, t.NoteCount)));
    }

    /// <summary>A run started by hand beside the scheduled one (Hangfire's lock only covers its own runs) must not collide on PostgreSQL's snapshots.</summary>
    [Fact]
    public async Task Runs_at_the_same_time_both_finish_with_one_set_of_scores()
    {
        await using var host = await WorkersHost.StartAsync();
        var seeded = await SeedAsync(host);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(host))));

        Assert.Equal([seeded.Popular, seeded.Quiet], (await TablesAsync(host)).Notes.Select(s => s.NoteId));
    }

    [Fact]
    public async Task A_note_that_stops_being_public_leaves_the_table_on_the_next_run()
    {
        await using var host = await WorkersHost.StartAsync();
        var seeded = await SeedAsync(host);
        await RunAsync(host);

        await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Notes.Where(n => n.Id == seeded.Popular)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Visibility, NoteVisibility.OnlyMe)));
        await RunAsync(host);

        Assert.Equal([seeded.Quiet], (await TablesAsync(host)).Notes.Select(s => s.NoteId));
    }

    [Fact]
    public async Task The_table_keeps_only_the_configured_number_of_best_notes()
    {
        await using var host = await WorkersHost.StartAsync(new() { ["Ranking:TopNotes"] = "1" });
        var seeded = await SeedAsync(host);
        await RunAsync(host);

        var tables = await TablesAsync(host);
        Assert.Equal([seeded.Popular], tables.Notes.Select(s => s.NoteId));
        Assert.Equal(1, Assert.Single(tables.Topics).NoteCount);
    }
}
