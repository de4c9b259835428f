namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class AccountJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task A_visitor_registers_confirms_by_email_and_signs_in_in_a_real_browser()
    {
        var person = Person.New();
        var (email, handle, password) = (person.Email, person.Handle, Members.Password);
        var page = await site.NewPageAsync();
        // Console errors include Content-Security-Policy violations: the site must run without any.
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign up", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("register-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("register-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(person.DisplayName);
        await page.GetByLabel("Handle", new() { Exact = true }).FillAsync(handle);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" })).ToBeVisibleAsync();

        var mail = await site.Mailbox.WaitForAsync(email);
        await page.GotoAsync(Mailbox.LinkIn(mail, "/account/confirm-email"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your email is confirmed" })).ToBeVisibleAsync();

        // Registering does not sign in (it would tell a stranger the address was new): the confirmed member signs in now.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/");
        await page.ScreenshotAsync(new() { Path = Artifacts.Path("home-signed-in.png"), FullPage = true });
        await page.GetByLabel("Account menu", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByText($"@{handle}", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Empty(consoleErrors);
    }
}
