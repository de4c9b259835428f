namespace RedMvc.Web.Tests;

public class FollowingFeedTests
{
    [Fact]
    public async Task The_following_feed_shows_followed_people_and_mutual_notes_only_when_mutual()
    {
        using var site = new RedMvcAppFactory();
        var reader = Person.New();
        var member = await site.ConfirmedMemberAsync(reader);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var readerId = db.Users.Single(u => u.Email == reader.Email).Id;
            var followed = await db.AddMemberAsync(new Person("followed@example.test", "followed", "followed"));
            var stranger = await db.AddMemberAsync();
            await db.PublishNoteAsync(followed.Id, "关注的公开", visibility: NoteVisibility.Public, at: DateTime.UtcNow.AddMinutes(1));
            await db.PublishNoteAsync(followed.Id, "互关可见", visibility: NoteVisibility.MutualFollowers, at: DateTime.UtcNow.AddMinutes(2));
            await db.PublishNoteAsync(stranger.Id, "陌生人的", visibility: NoteVisibility.Public, at: DateTime.UtcNow.AddMinutes(3));
            db.Follows.Add(new Follow(readerId, followed.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["关注的公开"], Titles(await member.GetAsync("/following")));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Follows.Add(new Follow(db.Users.Single(u => u.Handle == "followed").Id, db.Users.Single(u => u.Email == reader.Email).Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        Assert.Equal(["互关可见", "关注的公开"], Titles(await member.GetAsync("/following")));
        Assert.StartsWith("/account/sign-in", (await site.CreateVisitor().GetAsync("/following")).Url);
    }

    private static List<string> Titles(Visitor.Page page) =>
        page.Document.QuerySelectorAll(".cards--feed .card__title").Select(e => e.TextContent).ToList();
}
