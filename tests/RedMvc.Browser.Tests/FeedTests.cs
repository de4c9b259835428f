namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class FeedTests(BrowserSite site)
{
    [Fact]
    public async Task Scrolling_down_the_discover_page_loads_the_next_cards()
    {
        var titles = await SeedNotesAsync(30);
        // Visitors read the trending table: put the new notes in it, as the five-minute job would.
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RedMvc.Workers.Jobs.ComputeTrendsJob>().RunAsync(CancellationToken.None);
        var page = await site.NewPageAsync();
        // The food tab: the visitor cache may already hold "/" from another test of this site.
        await page.GotoAsync("/?channel=food");
        var cards = page.Locator(".cards--feed > li");
        var before = await cards.CountAsync();
        Assert.Equal(24, before);

        await page.Locator(".more a").ScrollIntoViewIfNeededAsync();

        await Expect(cards).Not.ToHaveCountAsync(before);
        var shown = await page.Locator(".cards--feed .card__title").AllTextContentsAsync();
        var ours = shown.Where(titles.Contains).ToList();
        Assert.Equal(titles.Order(), ours.Order()); // every seeded note, each exactly once
    }

    private Task<List<string>> SeedNotesAsync(int count) => site.Services.WithDbAsync(async db =>
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var author = await db.AddMemberAsync(Person.New("Feed", "f"));
        var titles = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var title = $"{id} {i}";
            await db.PublishNoteAsync(author.Id, title, at: DateTime.UtcNow.AddSeconds(-i));
            titles.Add(title);
        }
        return titles;
    });
}
