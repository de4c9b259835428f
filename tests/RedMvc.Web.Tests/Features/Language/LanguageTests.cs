namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class LanguageTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task A_chinese_browser_gets_chinese_and_an_english_one_english()
    {
        var zh = await site.CreateVisitor("zh-CN,zh;q=0.9").GetAsync("/account/sign-in");
        Assert.Equal("zh-CN", zh.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("欢迎回来", zh.Text);

        var en = await site.CreateVisitor("en-US,en;q=0.9").GetAsync("/account/sign-in");
        Assert.Equal("en", en.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Welcome back", en.Text);
    }

    [Fact]
    public async Task The_language_switch_overrides_the_browser_and_sticks()
    {
        var visitor = site.CreateVisitor("en-US");
        var home = await visitor.GetAsync("/account/sign-in");

        var switched = await home.SubmitAsync(visitor.Client, "/language", new Dictionary<string, string> { ["culture"] = "zh-CN" });
        Assert.Equal("/account/sign-in", switched.Url);
        Assert.Contains("欢迎回来", switched.Text);
        Assert.Contains("欢迎回来", (await visitor.GetAsync("/account/sign-in")).Text);
    }

    [Fact]
    public async Task A_member_registering_in_chinese_gets_chinese_email()
    {
        var person = Person.New();
        await site.CreateVisitor("zh-CN").RegisterAsync(person);
        var mail = await site.Mailbox.WaitForAsync(person.Email);
        Assert.Equal("确认你的 RedMvc 邮箱", mail.Subject);
        Assert.Contains("确认邮箱", mail.TextBody);
    }

    [Fact]
    public async Task Validation_messages_follow_the_language()
    {
        var page = await site.CreateVisitor("zh-CN").SubmitAsync("/account/register", "/account/register",
            new Dictionary<string, string> { ["Email"] = "", ["DisplayName"] = "", ["Handle"] = "", ["Password"] = "" });
        Assert.Equal("请填写邮箱。", page.FieldError("Email"));
    }
}
