using RedMvc.Workers.Email;

namespace RedMvc.Workers.Tests;

public class EmailRendererTests
{
    [Fact]
    public async Task Account_mail_is_written_in_the_members_language()
    {
        await using var host = await WorkersHost.StartAsync();
        var zh = Members.New(Person.New("小鹿"), culture: "zh-CN");
        var en = Members.New(Person.New("Mia"), culture: "en");

        await host.InScopeAsync(sp => sp.GetRequiredService<AccountEmails>().ConfirmEmailAsync(zh, "https://red.example/confirm?c=1", "r1"));
        await host.InScopeAsync(sp => sp.GetRequiredService<AccountEmails>().ConfirmEmailAsync(en, "https://red.example/confirm?c=2", "r2"));

        var rows = await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal("确认你的 RedMvc 邮箱", rows[0].Subject);
        Assert.Contains("欢迎来到 RedMvc，小鹿！", rows[0].HtmlBody);
        Assert.Contains("lang=\"zh-CN\"", rows[0].HtmlBody);
        Assert.Equal("Confirm your email for RedMvc", rows[1].Subject);
        Assert.Contains("Welcome to RedMvc, Mia!", rows[1].TextBody);
        Assert.Contains("https://red.example/confirm?c=2", rows[1].TextBody);
    }

    [Fact]
    public async Task A_display_name_with_markup_is_encoded_in_html_and_plain_in_text()
    {
        await using var host = await WorkersHost.StartAsync();
        var user = Members.New(Person.New("<b>Ming</b>"));

        await host.InScopeAsync(sp => sp.GetRequiredService<AccountEmails>().AccountDeletedAsync(user));

        var row = await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.SingleAsync());
        Assert.DoesNotContain("<b>Ming</b>", row.HtmlBody);
        Assert.Contains("&lt;b&gt;Ming&lt;/b&gt;", row.HtmlBody);
        Assert.Contains("Goodbye, <b>Ming</b>", row.TextBody);
    }
}
