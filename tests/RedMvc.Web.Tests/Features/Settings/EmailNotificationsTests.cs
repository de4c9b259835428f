using RedMvc.Domain.Email;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class EmailNotificationsTests(RedMvcAppFactory site)
{
    private static Dictionary<string, string> Choices(params (MailCategory Category, MailChoice Choice)[] changed)
    {
        var fields = MailCategories.All.ToDictionary(c => $"Choices[{c}]", c => MailCategories.DefaultOf(c).ToString());
        foreach (var (category, choice) in changed) fields[$"Choices[{category}]"] = choice.ToString();
        return fields;
    }

    private Task<IReadOnlyDictionary<MailCategory, MailChoice>> ChoicesOfAsync(string userId) =>
        site.Services.WithDbAsync(db => EmailPreferences.ChoicesAsync(db, userId));

    [Fact]
    public async Task The_settings_page_shows_the_defaults_and_saves_new_choices()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var page = await member.GetAsync("/settings/notifications");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("AtOnce", page.Document.QuerySelector("input[name='Choices[RepliesAndMentions]'][checked]")?.GetAttribute("value"));
        Assert.Equal("DailyDigest", page.Document.QuerySelector("input[name='Choices[LikesAndCollects]'][checked]")?.GetAttribute("value"));
        Assert.Equal("Weekly", page.Document.QuerySelector("input[name='Choices[WeeklyDigest]'][checked]")?.GetAttribute("value"));

        var saved = await member.SubmitAsync("/settings/notifications", "/settings/notifications",
            Choices((MailCategory.LikesAndCollects, MailChoice.Off), (MailCategory.NewFollowers, MailChoice.AtOnce)));

        Assert.Contains("Email preferences saved", saved.Text);
        var choices = await ChoicesOfAsync(await site.IdOfAsync(person));
        Assert.Equal(MailChoice.Off, choices[MailCategory.LikesAndCollects]);
        Assert.Equal(MailChoice.AtOnce, choices[MailCategory.NewFollowers]);
        Assert.Equal(MailChoice.AtOnce, choices[MailCategory.RepliesAndMentions]);
    }

    [Fact]
    public async Task A_choice_a_category_does_not_offer_changes_nothing_and_says_why()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var refused = await member.SubmitAsync("/settings/notifications", "/settings/notifications",
            Choices((MailCategory.LikesAndCollects, MailChoice.Off), (MailCategory.OrderUpdates, MailChoice.DailyDigest)));
        var nonsense = await member.SubmitAsync("/settings/notifications", "/settings/notifications",
            new Dictionary<string, string> { ["Choices[LikesAndCollects]"] = "Sometimes" });

        Assert.Contains("not offered", refused.Text);
        Assert.Contains("not offered", nonsense.Text);
        Assert.Equal(MailChoice.DailyDigest, (await ChoicesOfAsync(await site.IdOfAsync(person)))[MailCategory.LikesAndCollects]);
    }

    [Fact]
    public async Task The_page_is_in_chinese_for_a_chinese_reader()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        member.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        member.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var page = await member.GetAsync("/settings/notifications");

        Assert.Contains("邮件通知", page.Text);
        Assert.Contains("每日汇总", page.Text);
        Assert.Contains("每周精选", page.Text);
    }

    [Fact]
    public async Task Loading_a_page_records_that_the_member_is_reading_the_site()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var id = await site.IdOfAsync(person);

        await member.GetAsync("/settings");

        var seen = await site.Services.WithDbAsync(db => db.LastSeen.Where(s => s.UserId == id).Select(s => (DateTime?)s.At).SingleOrDefaultAsync());
        Assert.NotNull(seen);
        Assert.True(seen > DateTime.UtcNow.AddMinutes(-5));
    }
}
