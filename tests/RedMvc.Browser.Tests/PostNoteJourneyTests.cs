using System.Text.RegularExpressions;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public partial class PostNoteJourneyTests(BrowserSite site)
{
    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("phone", 390, 844)]
    public async Task A_member_posts_a_note_with_three_photos_watches_the_upload_and_sees_the_note(string device, int width, int height)
    {
        var page = await site.NewPageAsync(width: width, height: height);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);
        await RegisterAndConfirmAsync(page);

        await page.GotoAsync("/notes/new");
        var photos = Enumerable.Range(0, 3).Select(i => new FilePayload { Name = $"trip{i + 1}.jpg", MimeType = "image/jpeg", Buffer = Photo(i) }).ToArray();
        await page.Locator("[data-photo-input]").SetInputFilesAsync(photos);
        await Expect(page.Locator(".previews__item")).ToHaveCountAsync(3);
        await page.Locator("#Title").FillAsync("三张照片的周末");
        await page.Locator("#Body").FillAsync("湖边散步 #周末去哪儿");
        await page.Locator("#Channel").SelectOptionAsync("travel");
        await page.ScreenshotAsync(new() { Path = Artifacts.Path($"composer-{device}.png"), FullPage = true });

        // A slow uplink, so the progress bar has time to show.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 20, ["downloadThroughput"] = -1, ["uploadThroughput"] = 150_000,
        });
        await page.Locator("[data-submit]").ClickAsync();
        await Expect(page.Locator("[data-progress]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-progress-text]")).ToHaveTextAsync(Percent());
        await Expect(page).ToHaveURLAsync(NotePath(), new() { Timeout = 60_000 });
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
        });

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "三张照片的周末" })).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 60 && await page.Locator("picture").CountAsync() < 3; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Expect(page.Locator("picture")).ToHaveCountAsync(3);
        await Expect(page.Locator("picture img").First).ToHaveJSPropertyAsync("complete", true);
        await page.ScreenshotAsync(new() { Path = Artifacts.Path($"note-{device}.png") });
        await page.Locator("[data-carousel]").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator(".carousel__dot").Nth(1)).ToHaveClassAsync(new Regex("is-active"));
        await page.GotoAsync("/notes/mine");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "三张照片的周末" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.Path($"my-notes-{device}.png") });
        Assert.Empty(consoleErrors);
    }

    private async Task RegisterAndConfirmAsync(IPage page)
    {
        var person = Person.New($"旅行者 {Guid.NewGuid().ToString("N")[..4]}");
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(person.Email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(person.DisplayName);
        await page.GetByLabel("Handle", new() { Exact = true }).FillAsync(person.Handle);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Members.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up", Exact = true }).ClickAsync();
        var mail = await site.Mailbox.WaitForAsync(person.Email);
        await page.GotoAsync(Mailbox.LinkIn(mail, "/account/confirm-email"));
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(person.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Members.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/");
    }

    /// <summary>A few hundred kilobytes of real photo: noise-free gradients do not compress away.</summary>
    private static byte[] Photo(int seed)
    {
        using var image = new Image<Rgb24>(1200, 1600);
        var random = new Random(seed);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = new Rgb24((byte)(x / 5 + seed * 60), (byte)(y / 7), (byte)random.Next(90, 140));
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    [GeneratedRegex(@"^\d+%$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"/notes/\d+$")]
    private static partial Regex NotePath();
}
