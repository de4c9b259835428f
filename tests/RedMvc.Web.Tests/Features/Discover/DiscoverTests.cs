namespace RedMvc.Web.Tests;

public class DiscoverTests
{
    [Fact]
    public async Task Visitors_page_through_the_newest_public_notes_without_repeats_or_hidden_ones()
    {
        using var site = new RedMvcAppFactory();
        await SeedAsync(site, publicNotes: 30, hiddenNotes: 3);
        var visitor = site.CreateVisitor();

        var first = await visitor.GetAsync("/");
        var firstTitles = Titles(first);
        var more = first.Document.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        var second = await visitor.GetAsync(more);
        var secondTitles = Titles(second);

        Assert.Equal(24, firstTitles.Count);
        Assert.Equal(6, secondTitles.Count);
        Assert.Null(second.Document.QuerySelector("a[rel='next']"));
        var all = firstTitles.Concat(secondTitles).ToList();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"公开 {29 - i}"), all); // newest first, each once
    }

    [Fact]
    public async Task A_channel_tab_shows_only_that_channel()
    {
        using var site = new RedMvcAppFactory();
        await SeedAsync(site, publicNotes: 4, hiddenNotes: 0);
        var page = await site.CreateVisitor().GetAsync("/?channel=food");
        Assert.Equal(["公开 2", "公开 0"], Titles(page));
        Assert.Equal("page", page.Document.QuerySelector(".channels__tab.is-active")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_broken_cursor_is_treated_as_the_first_page()
    {
        using var site = new RedMvcAppFactory();
        await SeedAsync(site, publicNotes: 2, hiddenNotes: 0);
        var page = await site.CreateVisitor().GetAsync("/?after=not-a-cursor-99999999999999999999");
        Assert.Equal(2, Titles(page).Count);
    }

    private static List<string> Titles(Visitor.Page page) =>
        page.Document.QuerySelectorAll(".cards--feed .card__title").Select(e => e.TextContent).ToList();

    private static Task SeedAsync(RedMvcAppFactory site, int publicNotes, int hiddenNotes) => site.Services.WithDbAsync(async db =>
    {
        // One transaction: the trends run the site starts with sees all of these notes or none of them.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var author = await db.AddMemberAsync(new Person("feed@example.test", "feedauthor", "Feed"));
        var start = DateTime.UtcNow.AddDays(-1);
        for (var i = 0; i < publicNotes + hiddenNotes; i++)
        {
            var hidden = i >= publicNotes;
            await db.PublishNoteAsync(author.Id, hidden ? $"私密 {i}" : $"公开 {i}", channel: i % 2 == 0 ? "food" : "travel",
                visibility: hidden ? NoteVisibility.OnlyMe : NoteVisibility.Public, at: start.AddMinutes(i));
        }
        await transaction.CommitAsync();
    });
}
