using Microsoft.Extensions.Hosting;
using RedMvc.Web.Seed;

namespace RedMvc.Web.Tests;

/// <summary>The first Development run: the site answers while the demo fills in behind it, and the demo reads like a real site.</summary>
public class DemoSeedingTests
{
    private sealed class FirstRun : RedMvcAppFactory
    {
        protected override string Environment => "Development";
        protected override string? PublicBaseUrl => null;
    }

    [Fact]
    public async Task The_site_answers_at_once_and_the_demo_fills_in_behind_it_each_note_once_in_time_order()
    {
        using var site = new FirstRun();
        var discover = await site.CreateVisitor().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, discover.Status);
        Assert.Contains("Demo content is being prepared", discover.Document.QuerySelector(".demo-progress")?.TextContent);

        await site.Services.GetServices<IHostedService>().OfType<DemoSeeding>().Single().ExecuteTask!;
        Assert.Null(site.Services.GetRequiredService<DemoProgress>().Failure?.ToString());

        await site.Services.WithDbAsync(async db =>
        {
            var notes = await db.Notes.Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new { n.Title, n.Body, n.PublishedAt, Joined = u.CreatedAt }).ToListAsync();
            Assert.InRange(notes.Count, DemoNotes.Count, DemoNotes.Count + 1); // and the review note of a demo order, once it is written
            Assert.Equal(notes.Count, notes.Select(n => (n.Title, n.Body)).Distinct().Count());
            Assert.All(notes, n => Assert.True(n.PublishedAt > n.Joined, $"{n.Title} was published before its author joined"));
            Assert.True(notes.Min(n => n.PublishedAt) < DateTime.UtcNow.AddDays(-21), "the notes are spread over the past weeks");

            var notifications = await db.Notifications.OrderBy(n => n.Id).Select(n => n.CreatedAt).ToListAsync();
            Assert.NotEmpty(notifications);
            Assert.Equal(notifications.Order(), notifications); // the page lists by id: newest id is the newest time
        });
        var after = await site.CreateVisitor().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }
}
