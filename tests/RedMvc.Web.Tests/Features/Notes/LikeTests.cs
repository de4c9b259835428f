namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class LikeTests(RedMvcAppFactory site)
{
    private static int Likes(Visitor.Page page) => int.Parse(page.Document.QuerySelector(".like span")!.TextContent);

    [Fact]
    public async Task Liking_twice_counts_once_and_unliking_takes_it_back()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var fan = await site.ConfirmedMemberAsync(Person.New());
        var page = await fan.GetAsync(url);

        var liked = await page.SubmitAsync(fan.Client, $"{url}/like", new Dictionary<string, string>());
        var again = await page.SubmitAsync(fan.Client, $"{url}/like", new Dictionary<string, string>()); // the stale page's button
        Assert.Equal(1, Likes(liked));
        Assert.Equal(1, Likes(again));
        Assert.Equal("true", again.Document.QuerySelector("button.like")!.GetAttribute("aria-pressed"));

        var unliked = await again.SubmitAsync(fan.Client, $"{url}/unlike", new Dictionary<string, string>());
        Assert.Equal(0, Likes(unliked));
    }

    [Fact]
    public async Task A_hundred_members_liking_at_once_give_exactly_a_hundred()
    {
        var (noteId, memberIds) = await site.Services.WithDbAsync(async db =>
        {
            var members = await db.AddMembersAsync(100);
            var note = await db.PublishNoteAsync(members[0].Id, "热门");
            return (note.Id, members.Select(m => m.Id).ToList());
        });

        await Task.WhenAll(memberIds.Concat(memberIds.Take(20)).Select(id => Task.Run(async () =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            await NoteLikes.LikeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), noteId, id, DateTime.UtcNow);
        })));

        await using var check = site.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(100, await checkDb.Notes.Where(n => n.Id == noteId).Select(n => n.LikeCount).SingleAsync());
        Assert.Equal(100, await checkDb.NoteLikes.CountAsync(l => l.NoteId == noteId));
    }

    [Fact]
    public async Task Nobody_likes_a_note_they_may_not_see()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync(visibility: "OnlyMe");
        var other = await site.ConfirmedMemberAsync(Person.New());
        var home = await other.GetAsync("/");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var response = await other.Client.PostAsync($"{url}/like", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
