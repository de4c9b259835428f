namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class PeopleListTests(RedMvcAppFactory site)
{
    private static IEnumerable<string> Handles(Visitor.Page page) =>
        page.Document.QuerySelectorAll(".person .muted").Select(e => e.TextContent.Trim().TrimStart('@'));

    [Fact]
    public async Task Followers_and_following_lists_mark_mutual_followers_and_let_the_viewer_follow_from_the_list()
    {
        var star = Person.New();
        var starVisitor = await site.ConfirmedMemberAsync(star);
        var fan = Person.New();
        var fanVisitor = await site.ConfirmedMemberAsync(fan);
        var friend = Person.New();
        var friendVisitor = await site.ConfirmedMemberAsync(friend);
        foreach (var (who, whom) in new[] { (fanVisitor, star), (friendVisitor, star), (starVisitor, friend) })
            await (await who.GetAsync($"/u/{whom.Handle}")).SubmitAsync(who.Client, $"/u/{whom.Handle}/follow", new Dictionary<string, string>());

        var followers = await fanVisitor.GetAsync($"/u/{star.Handle}/followers");
        Assert.Equal([friend.Handle, fan.Handle], Handles(followers));
        var friendRow = followers.Document.QuerySelectorAll(".person").Single(li => li.TextContent.Contains(friend.Handle));
        Assert.Contains("Follow each other", friendRow.TextContent);
        Assert.DoesNotContain("Follow each other", followers.Document.QuerySelectorAll(".person").Single(li => li.TextContent.Contains("@" + fan.Handle)).TextContent);

        var followed = await followers.SubmitAsync(fanVisitor.Client, $"/u/{friend.Handle}/follow", new Dictionary<string, string>());
        Assert.EndsWith($"/u/{star.Handle}/followers", followed.Url);
        Assert.NotNull(followed.Document.QuerySelector($"form[action='/u/{friend.Handle}/unfollow']"));
        Assert.Equal([friend.Handle], Handles(await site.CreateVisitor().GetAsync($"/u/{star.Handle}/following")));
    }

    [Fact]
    public async Task A_long_followers_list_pages_without_repeats_and_hides_blocked_people()
    {
        var star = Person.New();
        var starVisitor = await site.ConfirmedMemberAsync(star);
        var handles = await FollowersAsync(star.Handle, 35);
        var blockedOne = handles[0];
        await (await starVisitor.GetAsync($"/u/{blockedOne}")).SubmitAsync(starVisitor.Client, $"/u/{blockedOne}/block", new Dictionary<string, string>());

        var seen = new List<string>();
        var page = await starVisitor.GetAsync($"/u/{star.Handle}/followers");
        seen.AddRange(Handles(page));
        var more = page.Document.QuerySelector(".more a")!.GetAttribute("href")!;
        seen.AddRange(Handles(await starVisitor.GetAsync(more)));

        Assert.Equal(34, seen.Count);
        Assert.Equal(handles.Skip(1).Order(), seen.Order());
        Assert.Equal(HttpStatusCode.OK, (await starVisitor.Client.GetAsync($"/u/{star.Handle}/followers?after=garbage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().Client.GetAsync("/u/nobody-here-xyz/followers")).StatusCode);
    }

    private Task<List<string>> FollowersAsync(string handle, int count) => site.Services.WithDbAsync(async db =>
    {
        var starId = await db.Users.Where(u => u.Handle == handle).Select(u => u.Id).SingleAsync();
        var followers = await db.AddMembersAsync(count);
        for (var i = 0; i < count; i++)
            db.Follows.Add(new Follow(followers[i].Id, starId, DateTime.UtcNow.AddMinutes(-i % 3))); // ties on time, ordered by id
        await db.SaveChangesAsync();
        return followers.Select(f => f.Handle).ToList();
    });
}
