using RedMvc.Domain.Groups;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Browser.Tests;

/// <summary>
/// Issue 13's journey in a real browser: a member joins a group and asks a question with a photo,
/// another member answers, the asker accepts it, and the group's owner pins and closes the thread.
/// </summary>
[Collection(BrowserCollection.Name)]
public class GroupsJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task A_question_with_a_photo_is_answered_accepted_pinned_and_closed()
    {
        var owner = await MemberAsync("Owner");
        var asker = await MemberAsync("Asker");
        var helper = await MemberAsync("Helper");
        var group = await site.Services.WithDbAsync(db => GroupMemberships.CreateAsync(db, owner.Id,
            new GroupInput($"露营 {Guid.NewGuid():N}"[..10], "周末露营的朋友", "友善交流", "travel", false), new GroupLimits(), DateTime.UtcNow));

        var page = await site.SignedInPageAsync(asker.Email!);
        await page.GotoAsync($"/groups/{group.Id}");
        await page.Locator($"form[action='/groups/{group.Id}/join'] button").ClickAsync();
        await page.Locator($"a[href='/groups/{group.Id}/threads/new']").ClickAsync();
        await page.Locator("input[name=Kind][value=Question]").CheckAsync();
        await page.Locator("#Title").FillAsync("第一次露营带什么睡袋？");
        await page.Locator("#Body").FillAsync("秋天去山里，晚上大概五度。");
        await page.Locator("#Photos").SetInputFilesAsync(new FilePayload { Name = "tent.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await page.Locator($"form[action='/groups/{group.Id}/threads/new'] button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/groups/threads/\d+$"));
        await Expect(page.Locator(".thread__title")).ToHaveTextAsync("第一次露营带什么睡袋？");
        await Expect(page.Locator(".post__photos li")).ToHaveCountAsync(1);
        var threadPath = page.Url.Replace(site.BaseUrl, "");
        var threadId = threadPath.Split('/').Last();

        var other = await site.SignedInPageAsync(helper.Email!);
        await other.GotoAsync($"/groups/{group.Id}");
        await other.Locator($"form[action='/groups/{group.Id}/join'] button").ClickAsync();
        await other.GotoAsync(threadPath);
        await other.Locator("#reply-body").FillAsync("舒适温度零度的羽绒睡袋就够了");
        await other.Locator("#reply-form button[type=submit]").ClickAsync();
        await Expect(other.Locator(".replies__list")).ToContainTextAsync("舒适温度零度的羽绒睡袋就够了");

        await page.GotoAsync(threadPath);
        await page.Locator($"form[action='/groups/threads/{threadId}/accept'] button").First.ClickAsync();
        await Expect(page.Locator(".answer")).ToContainTextAsync("舒适温度零度的羽绒睡袋就够了");

        var mod = await site.SignedInPageAsync(owner.Email!);
        await mod.GotoAsync(threadPath);
        await mod.Locator("details.mod-tools summary").ClickAsync();
        await mod.Locator($"form[action='/groups/threads/{threadId}/pin'] button").ClickAsync();
        await mod.Locator("details.mod-tools summary").ClickAsync();
        await mod.Locator($"form[action='/groups/threads/{threadId}/close'] button").ClickAsync();
        await Expect(mod.Locator(".thread__marks")).ToContainTextAsync("Closed");
        await Expect(mod.Locator(".thread__marks")).ToContainTextAsync("Pinned");
        await mod.ScreenshotAsync(new() { Path = Artifacts.Path("groups-thread.png"), FullPage = true });

        await other.GotoAsync(threadPath);
        await Expect(other.Locator("#reply-form")).ToHaveCountAsync(0); // closed: no more replies
        await other.GotoAsync($"/groups/{group.Id}");
        await Expect(other.Locator(".thread-list, main").First).ToContainTextAsync("第一次露营带什么睡袋？");

        var phone = await site.NewPageAsync("zh-CN", 390, 844);
        await phone.GotoAsync("/");
        await phone.Locator(".topbar a.show-mobile[href='/groups']").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/groups$"));
        await phone.ScreenshotAsync(new() { Path = Artifacts.Path("groups-phone.png") });
    }

    private Task<AppUser> MemberAsync(string name) =>
        site.Services.WithDbAsync(db => db.AddMemberAsync(Person.New($"{name} {Guid.NewGuid().ToString("N")[..4]}", "m"), password: Members.Password));

    private static byte[] Photo()
    {
        using var image = new Image<Rgb24>(900, 1200, new Rgb24(40, 110, 70));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
