namespace RedMvc.Web.Tests;

/// <summary>
/// Issue 12, "limits that hold": every form counts what a reader sees but also caps what is stored,
/// refuses text with nothing visible, and stores NFC. Each refusal is a message and changes nothing.
/// </summary>
[Collection(SiteCollection.Name)]
public class TextLimitTests(RedMvcAppFactory site)
{
    private const string ZeroWidth = "\u200B\u200C\u200D\uFEFF";

    /// <summary>One visible character, 200 KB on the wire: far over every stored cap, well under the form limits.</summary>
    private static readonly string Zalgo = "a" + new string('\u0301', 100_000);

    private Task<int> NotesByAsync(Person person) =>
        site.Services.WithDbAsync(db => db.Notes.CountAsync(n => db.Users.Any(u => u.Id == n.AuthorId && u.Handle == person.Handle)));

    [Theory]
    [InlineData("title")]
    [InlineData("body")]
    [InlineData("place")]
    public async Task A_letter_under_a_hundred_thousand_marks_is_refused_in_the_composer(string field)
    {
        var person = Person.New();
        var author = await site.ConfirmedMemberAsync(person);
        var fields = Composer.Fields(title: field == "title" ? Zalgo : "标题", body: field == "body" ? Zalgo : "", place: field == "place" ? Zalgo : null);

        var page = await author.SendNoteAsync(fields, TestPhotos.Files(1));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.FieldError(char.ToUpperInvariant(field[0]) + field[1..]));
        Assert.Equal(0, await NotesByAsync(person));
    }

    [Fact]
    public async Task A_title_of_zero_width_characters_is_no_title()
    {
        var person = Person.New();
        var author = await site.ConfirmedMemberAsync(person);

        var page = await author.SendNoteAsync(Composer.Fields(title: ZeroWidth), TestPhotos.Files(1));

        Assert.Equal("Give the note a title.", page.FieldError("Title"));
        Assert.Equal(0, await NotesByAsync(person));
    }

    [Fact]
    public async Task A_note_is_stored_in_NFC_with_plain_newlines()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());

        var url = (await author.SendNoteAsync(Composer.Fields(title: "Cafe\u0301", body: "one\r\ntwo #cafe\u0301"), TestPhotos.Files(1))).Url;

        var id = long.Parse(url.Split('/')[2]);
        var note = await site.Services.WithDbAsync(db => db.Notes.Where(n => n.Id == id).Select(n => new { n.Title, n.Body, Topics = n.Topics.Select(t => t.Topic.Name).ToList() }).SingleAsync());
        Assert.Equal("Caf\u00e9", note.Title);
        Assert.Equal("one\ntwo #caf\u00e9", note.Body);
        Assert.Equal(["caf\u00e9"], note.Topics);
    }

    [Fact]
    public async Task A_comment_of_zero_width_characters_is_refused()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var reader = await site.ConfirmedMemberAsync(Person.New());

        var page = await (await reader.GetAsync(url)).SubmitAsync(reader.Client, $"{url}/comments", new Dictionary<string, string> { ["Body"] = ZeroWidth });

        Assert.Contains("A comment can't be empty.", page.Document.QuerySelector(".flash")?.TextContent);
        var id = long.Parse(url.Split('/')[2]);
        Assert.Equal(0, await site.Services.WithDbAsync(db => db.Comments.CountAsync(c => c.NoteId == id)));
    }

    [Fact]
    public async Task A_board_name_of_zero_width_characters_is_refused()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var page = await member.SubmitAsync("/boards/new", "/boards/new", new Dictionary<string, string> { ["Name"] = ZeroWidth });

        Assert.Equal("Give the board a name.", page.FieldError("Name"));
        Assert.Equal(0, await site.Services.WithDbAsync(db => db.Boards.CountAsync(b => db.Users.Any(u => u.Id == b.OwnerId && u.Handle == person.Handle))));
    }

    public static TheoryData<string, string> RefusedDisplayNames => new()
    {
        { ZeroWidth, "Name is required." },
        { "\u3164", "Name is required." },                           // the Hangul filler draws nothing
        { "\u202Egnim", "This contains characters that are not allowed here (control or text-direction characters)." },
        { "Ming\u0007", "This contains characters that are not allowed here (control or text-direction characters)." },
        { "M" + new string('\u0301', 20), "Too many accents or marks are stacked on one character." },
    };

    [Theory, MemberData(nameof(RefusedDisplayNames))]
    public async Task A_display_name_that_hides_or_disguises_itself_is_refused(string name, string message)
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var page = await member.SubmitAsync("/settings/profile", "/settings/profile", new Dictionary<string, string> { ["DisplayName"] = name });

        Assert.Equal(message, page.FieldError("DisplayName"));
        Assert.Equal(person.DisplayName, await site.Services.WithDbAsync(db => db.Users.Where(u => u.Handle == person.Handle).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_profile_is_stored_in_NFC_and_an_invisible_bio_is_no_bio()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        await member.SubmitAsync("/settings/profile", "/settings/profile", new Dictionary<string, string> { ["DisplayName"] = "Zoe\u0308 👩‍👩‍👧‍👦", ["Bio"] = ZeroWidth });

        var user = await site.Services.WithDbAsync(db => db.Users.Where(u => u.Handle == person.Handle).Select(u => new { u.DisplayName, u.Bio }).SingleAsync());
        Assert.Equal(("Zo\u00eb 👩‍👩‍👧‍👦", (string?)null), (user.DisplayName, user.Bio));
    }

    [Fact]
    public async Task Registering_with_an_invisible_display_name_is_refused()
    {
        var person = Person.New();
        var fields = Accounts.RegistrationOf(person);
        fields["DisplayName"] = ZeroWidth;

        var page = await site.CreateVisitor().SubmitAsync("/account/register", "/account/register", fields);

        Assert.Equal("Name is required.", page.FieldError("DisplayName"));
        Assert.False(await site.Services.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == person.Email)));
    }
}
