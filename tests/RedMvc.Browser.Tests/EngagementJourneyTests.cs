namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class EngagementJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task A_member_likes_collects_into_a_new_board_comments_and_follows_and_the_author_sees_four_unread()
    {
        var author = await MemberAsync("Author");
        var fan = await MemberAsync("Fan");
        var noteId = await NoteByAsync(author.Id);

        var page = await site.SignedInPageAsync(fan.Email!);
        await page.GotoAsync($"/notes/{noteId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Like", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unlike", Exact = true })).ToBeVisibleAsync();

        await page.GetByText("Choose a board").ClickAsync();
        await page.GetByLabel("New board", new() { Exact = true }).FillAsync("周末灵感");
        await page.Locator("form.form[action$='/collect'] button.btn--primary").ClickAsync();
        await page.GotoAsync($"/notes/{noteId}");
        await Expect(page.Locator("button.collect[aria-pressed=true]")).ToHaveTextAsync("1");

        await page.GetByLabel("Write a comment", new() { Exact = true }).FillAsync("看起来太好吃了！");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).First.ClickAsync();
        await Expect(page.Locator(".comment__body").Filter(new() { HasText = "看起来太好吃了！" })).ToBeVisibleAsync();

        await page.GotoAsync($"/u/{author.Handle}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Following", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("engagement-fan-profile.png") });

        var authorPage = await site.SignedInPageAsync(author.Email!);
        await Expect(authorPage.Locator("[data-unread=total]")).ToHaveTextAsync("4");
        await authorPage.GetByLabel("Notifications, 4 unread").ClickAsync();
        await Expect(authorPage.Locator("[data-unread=likes]")).ToHaveTextAsync("2");
        await Expect(authorPage.Locator("[data-unread=follows]")).ToHaveTextAsync("1");
        await Expect(authorPage.Locator("main")).ToContainTextAsync("看起来太好吃了！");
        await authorPage.ScreenshotAsync(new() { Path = Artifacts.Path("engagement-notifications.png"), FullPage = true });

        await authorPage.GotoAsync("/");
        await Expect(authorPage.Locator("[data-unread=total]")).ToHaveTextAsync("3"); // the comments tab was read
    }

    private Task<AppUser> MemberAsync(string name) =>
        site.Services.WithDbAsync(db => db.AddMemberAsync(Person.New($"{name} {Guid.NewGuid().ToString("N")[..4]}", "j"), password: Members.Password));

    private Task<long> NoteByAsync(string authorId) =>
        site.Services.WithDbAsync(async db => (await db.PublishNoteAsync(authorId, "周末早午餐", "新开的店 #早午餐")).Id);
}
