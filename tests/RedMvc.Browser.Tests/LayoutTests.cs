namespace RedMvc.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class LayoutTests(BrowserSite site)
{
    [Fact]
    public async Task The_phone_layout_shows_the_bottom_tab_bar()
    {
        var page = await site.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/");
        await Expect(page.Locator(".tabbar")).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(1280, 900);
        await Expect(page.Locator(".tabbar")).ToBeHiddenAsync();
    }
}
