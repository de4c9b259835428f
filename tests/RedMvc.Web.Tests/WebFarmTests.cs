using Microsoft.AspNetCore.OutputCaching;
using RedMvc.Web.Infrastructure;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

/// <summary>
/// Two web nodes on one Redis behave as one site: limits, a member's mix, cached visitor pages and
/// profile counts are shared, so it does not matter which node the load balancer picks.
/// Each of these fails when the nodes keep them in their own memory (as they do without Redis).
/// </summary>
public class WebFarmTests(WebFarm farm) : IClassFixture<WebFarm>
{
    [Fact]
    public async Task A_posting_limit_used_up_on_one_node_is_enforced_on_the_other_with_retry_after()
    {
        var (onA, onB) = await farm.MemberAsync(Person.New());

        Assert.Equal(HttpStatusCode.OK, (await onA.SendNoteAsync(Composer.Fields("节点一"), TestPhotos.Files(1))).Status);
        Assert.Equal(HttpStatusCode.OK, (await onB.SendNoteAsync(Composer.Fields("节点二"), TestPhotos.Files(1))).Status);
        var refusedOnB = await onB.SendNoteAsync(Composer.Fields("节点二再发"), TestPhotos.Files(1));
        var refusedOnA = await onA.SendNoteAsync(Composer.Fields("节点一再发"), TestPhotos.Files(1));

        foreach (var refused in new[] { refusedOnB, refusedOnA })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            Assert.Contains("Slow down a little", refused.Text);
            Assert.InRange(refused.Response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        }
        Assert.Equal(WebFarm.PostingLimit, await farm.A.Services.WithDbAsync(db => db.Notes.CountAsync(n => n.Title.StartsWith("节点"))));
    }

    [Fact]
    public async Task A_like_on_one_node_shows_in_the_members_mix_on_the_other_at_once()
    {
        var (onA, onB) = await farm.MemberAsync(Person.New());
        var published = DateTime.UtcNow.AddHours(-6);
        var liked = await farm.A.Services.WithDbAsync(async db =>
        {
            var likedNote = await db.PublishNoteAsync((await db.AddMemberAsync(Person.New())).Id, "第一次露营", "#露营", "film", at: published);
            await db.PublishNoteAsync((await db.AddMemberAsync(Person.New())).Id, "山里露营", "#露营", "film", at: published);
            var popular = await db.PublishNoteAsync((await db.AddMemberAsync(Person.New())).Id, "爆款电影", "", "film", at: published.AddHours(5));
            await db.Notes.Where(n => n.Id == popular.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 50));
            return likedNote.Id;
        });
        await using (var scope = farm.A.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ComputeTrendsJob>().RunAsync(CancellationToken.None);

        var before = await onB.GetAsync("/?channel=film");
        var home = await onA.GetAsync("/?channel=film");
        await home.SubmitAsync(onA.Client, $"/notes/{liked}/like", new Dictionary<string, string>());
        var after = await onB.GetAsync("/?channel=film");

        Assert.NotEqual("Because you liked #露营", WhyShown(before, "山里露营"));
        Assert.Equal("Because you liked #露营", WhyShown(after, "山里露营"));
        Assert.NotNull(after.Document.QuerySelector($"form[action='/notes/{liked}/unlike']"));
    }

    [Fact]
    public async Task A_visitor_page_cached_by_one_node_is_served_by_the_other()
    {
        var product = await farm.A.Services.WithDbAsync(async db => (await db.ProductOnSaleAsync((await db.OpenShopAsync()).Id, "共享缓存保温杯")).Id);

        var rendered = await WebFarm.VisitorOn(farm.A).GetAsync($"/products/{product}");
        await farm.A.Services.WithDbAsync(db => db.Products.Where(p => p.Id == product).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "改名的保温杯")));
        var served = await WebFarm.VisitorOn(farm.B).GetAsync($"/products/{product}");

        Assert.False(rendered.Response.Headers.Contains("Age"), "node A rendered the page");
        Assert.True(served.Response.Headers.Contains("Age"), "node B served the page node A stored");
        Assert.Contains("共享缓存保温杯", served.Text);
        Assert.DoesNotContain("改名的保温杯", served.Text);
    }

    [Fact]
    public async Task Profile_counts_kept_by_one_node_are_what_the_other_shows()
    {
        var person = Person.New();
        var authorId = await farm.A.Services.WithDbAsync(async db =>
        {
            var author = await db.AddMemberAsync(person);
            await db.PublishNoteAsync(author.Id, "第一篇");
            return author.Id;
        });

        var counted = await WebFarm.VisitorOn(farm.A).GetAsync($"/u/{person.Handle}");
        await farm.A.Services.WithDbAsync(db => db.PublishNoteAsync(authorId, "第二篇"));
        // Another address for the same tab, so node B renders the page instead of serving node A's kept copy.
        var kept = await WebFarm.VisitorOn(farm.B).GetAsync($"/u/{person.Handle}?tab=notes");

        Assert.Equal("1", NoteCount(counted));
        Assert.Equal("1", NoteCount(kept)); // node B did not count again: it read the count node A kept
        Assert.Equal(2, kept.Document.QuerySelectorAll(".cards--feed .card").Length); // the notes themselves are read fresh
    }

    [Fact]
    public async Task What_one_node_forgets_or_evicts_is_gone_from_the_other()
    {
        var key = $"farm-test:{Guid.NewGuid():N}";
        var tag = $"farm-tag-{Guid.NewGuid():N}";
        var cacheA = farm.A.Service<SharedCache>();
        var cacheB = farm.B.Service<SharedCache>();
        var pagesA = farm.A.Service<IOutputCacheStore>();
        var pagesB = farm.B.Service<IOutputCacheStore>();

        await cacheA.SetAsync(key, new[] { 1L, 2L, 3L }, TimeSpan.FromMinutes(1));
        await pagesA.SetAsync(key, [1, 2, 3], [tag], TimeSpan.FromMinutes(1), CancellationToken.None);
        var seenByB = await cacheB.GetAsync<long[]>(key);
        var pageSeenByB = await pagesB.GetAsync(key, CancellationToken.None);
        await cacheA.RemoveAsync(key);
        await pagesA.EvictByTagAsync(tag, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], seenByB!);
        Assert.Equal([1, 2, 3], pageSeenByB!);
        Assert.Null(await cacheB.GetAsync<long[]>(key));
        Assert.Null(await pagesB.GetAsync(key, CancellationToken.None));
    }

    private static string WhyShown(Visitor.Page page, string title) =>
        page.Document.QuerySelectorAll(".cards--feed .card").Single(c => c.QuerySelector(".card__title")!.TextContent == title)
            .QuerySelector(".card__why")!.TextContent;

    private static string NoteCount(Visitor.Page page) =>
        page.Document.QuerySelectorAll(".profile__counts li").Single(li => li.TextContent.Contains("Notes")).QuerySelector("strong")!.TextContent;
}
