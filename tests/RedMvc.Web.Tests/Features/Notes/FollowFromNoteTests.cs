namespace RedMvc.Web.Tests;

/// <summary>PRODUCT.md: the note page has a follow button by the author.</summary>
[Collection(SiteCollection.Name)]
public class FollowFromNoteTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task A_reader_follows_the_author_from_the_note_page_and_stays_on_it()
    {
        var author = Person.New();
        var authorId = (await site.Services.WithDbAsync(db => db.AddMemberAsync(author))).Id;
        var noteId = (await site.Services.WithDbAsync(db => db.PublishNoteAsync(authorId, "关注我吧"))).Id;
        var readerPerson = Person.New();
        var reader = await site.ConfirmedMemberAsync(readerPerson);

        var followed = await reader.SubmitAsync($"/notes/{noteId}", $"/u/{author.Handle}/follow", new Dictionary<string, string>());

        Assert.Equal($"/notes/{noteId}", followed.Url);
        Assert.NotNull(followed.Form($"/u/{author.Handle}/unfollow")); // the button now says Following
        var readerId = await site.IdOfAsync(readerPerson);
        Assert.True(await site.Services.WithDbAsync(db => db.Follows.AnyAsync(f => f.FollowerId == readerId && f.FolloweeId == authorId)));
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_and_the_author_sees_no_follow_button_on_their_own_note()
    {
        var author = Person.New();
        var authorId = (await site.Services.WithDbAsync(db => db.AddMemberAsync(author, password: Members.Password))).Id;
        var noteId = (await site.Services.WithDbAsync(db => db.PublishNoteAsync(authorId, "我的笔记"))).Id;

        var asVisitor = await site.CreateVisitor().GetAsync($"/notes/{noteId}");
        var asAuthor = site.CreateVisitor();
        await asAuthor.SignInAsync(author.Email);
        var own = await asAuthor.GetAsync($"/notes/{noteId}");

        Assert.Equal($"/account/sign-in?returnUrl=%2Fnotes%2F{noteId}", asVisitor.Document.QuerySelector(".note__author a.btn")?.GetAttribute("href"));
        Assert.Null(own.Document.QuerySelector($"form[action='/u/{author.Handle}/follow']"));
    }
}
