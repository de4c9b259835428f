using RedMvc.Domain.Social;

namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class MessagesJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task Two_members_chat_live_in_two_pages_and_the_badge_follows()
    {
        var ming = await MemberAsync("Ming");
        var hua = await MemberAsync("Hua");
        await site.Services.WithDbAsync(db => Following.FollowAsync(db, hua.Id, ming.Id, DateTime.UtcNow));

        var mingPage = await site.SignedInPageAsync(ming.Email!);
        await mingPage.GotoAsync($"/u/{hua.Handle}");
        await mingPage.GetByRole(AriaRole.Link, new() { Name = "Message", Exact = true }).ClickAsync();
        await mingPage.GetByLabel("Write a message", new() { Exact = true }).FillAsync("周末一起去爬山吗？");
        await mingPage.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(mingPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/messages/\d+$"));
        await Expect(mingPage.Locator(".bubble--mine")).ToContainTextAsync("周末一起去爬山吗？");

        var huaPage = await site.SignedInPageAsync(hua.Email!);
        await Expect(huaPage.Locator(".topbar [data-messages-unread]")).ToHaveTextAsync("1");
        await huaPage.GotoAsync(mingPage.Url.Replace(site.BaseUrl, ""));
        await Expect(huaPage.Locator(".bubble")).ToContainTextAsync("周末一起去爬山吗？");
        await Expect(mingPage.Locator(".topbar [data-messages-unread]")).ToBeHiddenAsync();
        await Expect(mingPage.Locator("[data-seen]")).ToHaveTextAsync("Seen"); // live, without a reload

        // Both pages stay open: each new message appears in the other without a reload.
        await huaPage.GetByLabel("Write a message", new() { Exact = true }).FillAsync("好呀！几点？");
        await huaPage.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(mingPage.Locator(".bubble:not(.bubble--mine)")).ToContainTextAsync("好呀！几点？");
        await Expect(huaPage.Locator(".bubble--mine")).ToContainTextAsync("好呀！几点？");
        await Expect(huaPage.GetByLabel("Write a message", new() { Exact = true })).ToHaveValueAsync("");

        await mingPage.GetByLabel("Write a message", new() { Exact = true }).FillAsync("早上八点，山脚见");
        await mingPage.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(huaPage.Locator(".bubble:not(.bubble--mine)").Last).ToContainTextAsync("早上八点，山脚见");
        await mingPage.ScreenshotAsync(new() { Path = Artifacts.Path("messages-conversation.png") });

        await huaPage.GetByLabel("Write a message", new() { Exact = true }).FillAsync("");
        await huaPage.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(huaPage.Locator("[data-composer-error]")).ToHaveTextAsync("Write something, or add a photo.");

        var phone = await site.NewPageAsync("zh-CN", 390, 844);
        await phone.GotoAsync("/account/sign-in");
        await phone.Locator("input[name=Email]").FillAsync(hua.Email!);
        await phone.Locator("input[name=Password]").FillAsync(Members.Password);
        await phone.Locator("form[action='/account/sign-in'] button[type=submit]").ClickAsync();
        await phone.GotoAsync("/messages");
        await Expect(phone.Locator(".chat-row")).ToContainTextAsync("早上八点，山脚见");
        await phone.ScreenshotAsync(new() { Path = Artifacts.Path("messages-list-phone.png") });
        await phone.Locator(".chat-row a").ClickAsync();
        await Expect(phone.Locator(".chat-composer")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Artifacts.Path("messages-conversation-phone.png") });
    }

    private Task<AppUser> MemberAsync(string name) =>
        site.Services.WithDbAsync(db => db.AddMemberAsync(Person.New($"{name} {Guid.NewGuid().ToString("N")[..4]}", "m"), password: Members.Password));
}
