using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using static Microsoft.Playwright.Assertions;

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

    private async Task<List<string>> SeedNotesAsync(int count)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Guid.NewGuid().ToString("N")[..8];
        var author = new AppUser { UserName = $"f{id}", Handle = $"f{id}", Email = $"f{id}@example.test", DisplayName = "Feed" };
        db.Users.Add(author);
        var titles = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var title = $"{id} {i}";
            var note = Note.Draft(author.Id, new NoteContent(title, "", "food", null, NoteVisibility.Public, false), DateTime.UtcNow);
            note.AddPhoto(new NotePhoto($"originals/{id}-{i}", "x.jpg", 0));
            note.Publish(DateTime.UtcNow.AddSeconds(-i), new NoteLimits());
            db.Notes.Add(note);
            titles.Add(title);
        }
        await db.SaveChangesAsync();
        return titles;
    }
}
