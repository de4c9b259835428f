namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class SearchJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task A_visitor_types_in_the_top_bar_picks_a_suggestion_and_opens_a_result()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var topic = $"湖边露营{id}";
        var title = $"湖边露营 {id}";
        await site.Services.WithDbAsync(async db =>
        {
            var author = await db.AddMemberAsync(Person.New("Camper", "s"));
            await db.PublishNoteAsync(author.Id, title, $"第一次去湖边 #{topic}");
        });
        // The index job runs every few seconds on the site's job server; run it now so the test does not wait.
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RedMvc.Workers.Jobs.SearchIndexJob>().DrainAsync(CancellationToken.None);
        var page = await site.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);

        await page.GotoAsync("/topics");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search" });
        await box.PressSequentiallyAsync($"湖边露营{id[..3]}");
        var suggestion = page.GetByRole(AriaRole.Option, new() { Name = $"#{topic}" });
        await Expect(suggestion).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("search-suggestions.png") });
        await suggestion.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q="));
        var result = page.Locator(".cards--feed .card__link").First;
        await Expect(result.Locator("mark").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("search-results.png"), FullPage = true });
        await result.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
    }
}
