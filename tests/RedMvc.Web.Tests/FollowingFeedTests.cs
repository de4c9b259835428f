using Microsoft.Extensions.DependencyInjection;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Tests;

public class FollowingFeedTests
{
    [Fact]
    public async Task The_following_feed_shows_followed_people_and_mutual_notes_only_when_mutual()
    {
        using var site = new RedMvcAppFactory();
        var reader = Accounts.NewPerson();
        var member = await site.ConfirmedMemberAsync(reader);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var readerId = db.Users.Single(u => u.Email == reader.Email).Id;
            var followed = AddAuthor(db, "followed");
            var stranger = AddAuthor(db, "stranger");
            AddNote(db, followed.Id, "关注的公开", NoteVisibility.Public, 1);
            AddNote(db, followed.Id, "互关可见", NoteVisibility.MutualFollowers, 2);
            AddNote(db, stranger.Id, "陌生人的", NoteVisibility.Public, 3);
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

    private static AppUser AddAuthor(AppDbContext db, string handle)
    {
        var user = new AppUser { UserName = handle, Handle = handle, Email = $"{handle}@example.test", DisplayName = handle };
        db.Users.Add(user);
        return user;
    }

    private static void AddNote(AppDbContext db, string authorId, string title, NoteVisibility visibility, int minutes)
    {
        var note = Note.Draft(authorId, new NoteContent(title, "", "food", null, visibility, false), DateTime.UtcNow);
        note.AddPhoto(new NotePhoto($"originals/{title}", "x.jpg", 0));
        note.Publish(DateTime.UtcNow.AddMinutes(minutes), new NoteLimits());
        db.Notes.Add(note);
    }
}
