namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class ProfileTests(RedMvcAppFactory site)
{
    private static int Count(Visitor.Page page, string label) =>
        int.Parse(page.Document.QuerySelectorAll(".profile__counts li").Single(li => li.TextContent.Contains(label)).QuerySelector("strong")!.TextContent);

    [Fact]
    public async Task Following_twice_counts_once_and_unfollowing_takes_it_back()
    {
        var star = Person.New();
        await site.ConfirmedMemberAsync(star);
        var fan = await site.ConfirmedMemberAsync(Person.New());
        var url = $"/u/{star.Handle}";

        var profile = await fan.GetAsync(url);
        await profile.SubmitAsync(fan.Client, $"{url}/follow", new Dictionary<string, string>());
        var again = await profile.SubmitAsync(fan.Client, $"{url}/follow", new Dictionary<string, string>()); // the stale page's button
        Assert.Equal(1, Count(again, "followers"));
        Assert.NotNull(again.Document.QuerySelector($"form[action='{url}/unfollow']"));

        var after = await again.SubmitAsync(fan.Client, $"{url}/unfollow", new Dictionary<string, string>());
        Assert.Equal(0, Count(after, "followers"));
    }

    [Fact]
    public async Task A_visitor_sees_a_profile_with_no_forms_and_an_unknown_handle_is_a_404()
    {
        var person = Person.New();
        await site.ConfirmedMemberAsync(person);
        var page = await site.CreateVisitor().GetAsync($"/u/{person.Handle}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(person.DisplayName, page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync("/u/nobody-has-this-handle")).Status);
    }

    [Fact]
    public async Task Nobody_can_follow_themselves()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var page = await member.GetAsync("/");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var response = await member.Client.PostAsync($"/u/{person.Handle}/follow", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
