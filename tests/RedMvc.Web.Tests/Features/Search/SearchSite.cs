using RedMvc.Domain.Search;

namespace RedMvc.Web.Tests;

/// <summary>
/// A site without its job server: the tests run the index job themselves (SearchIndexing.DrainAsync, as
/// SearchIndexJob does), so what the index holds at each step is what the test made it.
/// </summary>
/// <param name="candidates">Search:Candidates, the window of newest matches a search sorts (default 500).</param>
public sealed class SearchSite(int? candidates = null) : RedMvcAppFactory
{
    protected override Dictionary<string, string?> Overrides
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["Workers:InProcess"] = "false", ["Demo:Seed"] = "false" };
            if (candidates is { } count) settings["Search:Candidates"] = count.ToString();
            return settings;
        }
    }

    public Task IndexAsync() => Services.WithDbAsync(async db => { while (await SearchIndexing.DrainAsync(db) > 0) { } });

    /// <summary>A member saved in the database and signed in (no mail needed).</summary>
    public async Task<(Visitor Visitor, AppUser Member)> MemberAsync(string name = "Reader")
    {
        var person = Person.New(name);
        var member = await Services.WithDbAsync(db => db.AddMemberAsync(person, password: Members.Password));
        var visitor = CreateVisitor();
        await visitor.SignInAsync(person.Email);
        return (visitor, member);
    }

    public Task<AppUser> AuthorAsync(string name = "Author", string? bio = null) => Services.WithDbAsync(async db =>
    {
        var author = await db.AddMemberAsync(Person.New(name));
        if (bio is not null)
        {
            author.Bio = bio;
            await db.SaveChangesAsync();
        }
        return author;
    });

    public Task<Note> NoteAsync(string authorId, string title, string body = "", string channel = "food",
        NoteVisibility visibility = NoteVisibility.Public, DateTime? at = null) =>
        Services.WithDbAsync(db => db.PublishNoteAsync(authorId, title, body, channel, visibility, at));

    public static List<string> Titles(Visitor.Page page) =>
        page.Document.QuerySelectorAll(".cards--feed .card__title").Select(e => e.TextContent.Trim()).ToList();
}
