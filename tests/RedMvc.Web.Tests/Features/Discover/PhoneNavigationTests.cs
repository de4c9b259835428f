namespace RedMvc.Web.Tests;

/// <summary>What a member on a phone (no top navigation below 720 px) can reach from the tab bar and the feeds.</summary>
[Collection(SiteCollection.Name)]
public class PhoneNavigationTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task Me_opens_my_profile_the_feeds_switch_to_following_and_discover_has_a_heading()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var discover = await member.GetAsync("/");

        Assert.Equal($"/u/{person.Handle}", discover.Document.QuerySelectorAll(".tabbar a").Last().GetAttribute("href"));
        Assert.NotNull(discover.Document.QuerySelector(".feed-switch a[href='/following']"));
        Assert.NotNull(discover.Document.QuerySelector(".menu__panel a[href='/u/" + person.Handle + "']"));
        Assert.Single(discover.Document.QuerySelectorAll("h1"));
    }
}
