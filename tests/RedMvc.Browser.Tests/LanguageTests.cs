namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class LanguageTests(BrowserSite site)
{
    [Fact]
    public async Task The_site_works_in_chinese_for_a_chinese_browser()
    {
        var page = await site.NewPageAsync(locale: "zh-CN");

        await page.GotoAsync("/account/sign-in");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "欢迎回来" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome back" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/account/sign-in");

        // The choice is remembered over the browser's language.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome back" })).ToBeVisibleAsync();
    }
}
