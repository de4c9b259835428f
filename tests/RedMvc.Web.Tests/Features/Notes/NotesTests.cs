using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class NotesTests(RedMvcAppFactory site)
{
    private static Dictionary<string, string> Fields(string title = "周末去露营", string body = "带上 #露营 装备出发", string visibility = "Public",
        string action = "Publish", string? scheduleAt = null) => Composer.Fields(title, body, "travel", visibility, action, scheduleAt, place: "杭州");

    private static Task<Visitor.Page> PostAsync(Visitor member, Dictionary<string, string> fields, IEnumerable<(string, string, byte[])> files) =>
        member.SendNoteAsync(fields, files);

    private async Task<int> CountNotesAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notes.CountAsync();
    }

    private static long IdOf(Visitor.Page page) => long.Parse(page.Url.Split('/')[2]);

    [Fact]
    public async Task A_member_posts_a_note_with_three_photos_and_sees_it_processed_on_its_page()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());

        var page = await PostAsync(member, Fields(), TestPhotos.Files(3));

        Assert.Matches(@"^/notes/\d+$", page.Url);
        Assert.Contains("周末去露营", page.Text);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (page.Document.QuerySelectorAll("picture").Length < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            page = await member.GetAsync(page.Url);
        }
        var pictures = page.Document.QuerySelectorAll("picture");
        Assert.Equal(3, pictures.Length);
        Assert.Contains(".webp", pictures[0].QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"));
        var img = pictures[0].QuerySelector("img")!;
        Assert.Equal("64", img.GetAttribute("width"));
        Assert.Equal("48", img.GetAttribute("height"));
        Assert.Equal("lazy", pictures[1].QuerySelector("img")!.GetAttribute("loading"));
        Assert.Equal("/topics/%E9%9C%B2%E8%90%A5", page.Document.QuerySelector("a.tag")!.GetAttribute("href"));

        var photo = await member.Client.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", photo.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public async Task Titles_count_what_a_reader_sees(int emojiCount, bool accepted)
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var title = string.Concat(Enumerable.Repeat("😀", emojiCount)); // 2 UTF-16 units each

        var page = await PostAsync(member, Fields(title: title), TestPhotos.Files(1));

        Assert.Equal(accepted, page.Url.StartsWith("/notes/") && page.Url != "/notes/new");
        if (!accepted) Assert.Contains("at most 20 characters", page.FieldError("Title"));
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public async Task The_body_holds_up_to_1000_characters(int length, bool accepted)
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var page = await PostAsync(member, Fields(body: new string('好', length)), TestPhotos.Files(1));
        Assert.Equal(accepted, page.Url != "/notes/new");
    }

    [Theory]
    [InlineData(18, true)]
    [InlineData(19, false)]
    [InlineData(0, false)]
    public async Task A_note_has_one_to_eighteen_photos(int photos, bool accepted)
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var before = await CountNotesAsync();
        var page = await PostAsync(member, Fields(), TestPhotos.Files(photos));
        Assert.Equal(accepted, page.Url != "/notes/new");
        Assert.Equal(accepted ? before + 1 : before, await CountNotesAsync());
    }

    [Fact]
    public async Task A_bad_file_is_refused_by_name_and_nothing_of_the_post_is_saved()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var before = await CountNotesAsync();
        var files = TestPhotos.Files(2).Append(("Photos", "holiday.jpg", "this is not a photo"u8.ToArray()));

        var page = await PostAsync(member, Fields(), files);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("“holiday.jpg”", page.Text.Replace("\"holiday.jpg\"", "“holiday.jpg”"));
        Assert.Equal(before, await CountNotesAsync());
        var originals = Path.Combine(site.DataFolder, "files", "originals");
        var stored = Directory.Exists(originals) ? Directory.GetFiles(originals).Length : 0;
        var page2 = await PostAsync(member, Fields(), [("Photos", "empty.jpg", Array.Empty<byte>())]);
        Assert.Equal(stored, Directory.Exists(originals) ? Directory.GetFiles(originals).Length : 0);
        Assert.Equal("/notes/new", page2.Url);
    }

    [Fact]
    public async Task A_member_with_an_unconfirmed_email_cannot_post()
    {
        var visitor = site.CreateVisitor();
        var person = Person.New();
        await visitor.RegisterAsync(person);
        await visitor.SignInAsync(person.Email);
        var page = await visitor.GetAsync("/notes/new");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Confirm your email to post", page.Text);
    }

    [Fact]
    public async Task An_only_me_note_is_a_404_for_everyone_else()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var page = await PostAsync(author, Fields(visibility: "OnlyMe"), TestPhotos.Files(1));
        var url = page.Url;

        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.ConfirmedMemberAsync(Person.New())).GetAsync(url)).Status);
    }

    [Fact]
    public async Task A_mutual_followers_note_shows_only_to_mutual_followers()
    {
        var authorPerson = Person.New();
        var friendPerson = Person.New();
        var fanPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var friend = await site.ConfirmedMemberAsync(friendPerson);
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var url = (await PostAsync(author, Fields(visibility: "MutualFollowers"), TestPhotos.Files(1))).Url;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            string Id(Person p) => db.Users.Single(u => u.Email == p.Email).Id;
            db.Follows.AddRange(
                new Follow(Id(friendPerson), Id(authorPerson), DateTime.UtcNow),
                new Follow(Id(authorPerson), Id(friendPerson), DateTime.UtcNow),
                new Follow(Id(fanPerson), Id(authorPerson), DateTime.UtcNow)); // follows, not followed back
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await friend.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fan.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(url)).Status);
    }

    [Fact]
    public async Task A_scheduled_note_is_invisible_until_its_time_then_appears()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var at = DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm");
        var page = await PostAsync(author, Fields(action: "Schedule", scheduleAt: at), TestPhotos.Files(1));
        Assert.Contains("Scheduled to publish", page.Text);
        var id = IdOf(page);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(page.Url)).Status);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ScheduledFor, DateTime.UtcNow.AddMinutes(-1)));
            Assert.True(await scope.ServiceProvider.GetRequiredService<PublishScheduledNotesJob>().PublishAsync(id, CancellationToken.None));
        }
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(page.Url)).Status);
    }

    [Fact]
    public async Task A_schedule_less_than_an_hour_ahead_is_refused()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var page = await PostAsync(author, Fields(action: "Schedule", scheduleAt: DateTime.UtcNow.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm")), TestPhotos.Files(1));
        Assert.Equal("/notes/new", page.Url);
        Assert.Contains("between 1 hour and 14 days", page.FieldError("ScheduleAt"));
    }

    [Fact]
    public async Task Nobody_edits_or_deletes_another_members_note()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var url = (await PostAsync(author, Fields(), TestPhotos.Files(1))).Url;
        var other = await site.ConfirmedMemberAsync(Person.New());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url + "/edit")).Status);
        var home = await other.GetAsync("/");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var delete = await other.Client.PostAsync(url + "/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(url)).Status);
    }

    [Fact]
    public async Task Originals_are_never_served()
    {
        foreach (var path in new[] { "/media/photos/..%2Foriginals%2Fabc", "/media/originals/abc", "/media/photos/abc.jpg" })
            Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_topic_page_lists_public_notes_with_the_topic_newest_first()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var topic = "t" + Guid.NewGuid().ToString("N")[..8];
        await PostAsync(author, Fields(title: "first", body: $"#{topic} one"), TestPhotos.Files(1));
        await PostAsync(author, Fields(title: "second", body: $"#{topic} two"), TestPhotos.Files(1));
        await PostAsync(author, Fields(title: "hidden", body: $"#{topic} three", visibility: "OnlyMe"), TestPhotos.Files(1));

        var page = await site.CreateVisitor().GetAsync($"/topics/{topic}");

        var titles = page.Document.QuerySelectorAll(".card__title").Select(e => e.TextContent).ToList();
        Assert.Equal(["second", "first"], titles);
    }

    [Fact]
    public async Task A_photo_that_failed_processing_is_explained_to_the_author_only()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var page = await PostAsync(author, Fields(), TestPhotos.Files(2));
        var id = IdOf(page);
        // The photo job runs in the site: let it finish first, or it may save the photo Ready over the failure.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await site.Services.WithDbAsync(db => db.NotePhotos.AnyAsync(p => p.NoteId == id && p.Status == PhotoStatus.Pending)) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var photo = await db.NotePhotos.Where(p => p.NoteId == id).OrderBy(p => p.Position).LastAsync();
            photo.MarkFailed("Photo.Failed.Corrupt");
            await db.SaveChangesAsync();
        }

        Assert.Contains("Photo 2 could not be processed: The file is damaged.", (await author.GetAsync(page.Url)).Text);
        Assert.DoesNotContain("could not be processed", (await site.CreateVisitor().GetAsync(page.Url)).Text);
    }

    [Fact]
    public async Task The_author_edits_the_text_and_removes_a_photo()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var url = (await PostAsync(author, Fields(), TestPhotos.Files(2))).Url;
        var edit = await author.GetAsync(url + "/edit");
        var keep = edit.Document.QuerySelectorAll("input[name='KeepPhotoIds']").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(2, keep.Count);

        var fields = Fields(title: "改过的标题").Append(new KeyValuePair<string, string>("KeepPhotoIds", keep[1]));
        var saved = await edit.SubmitMultipartAsync(author.Client, url + "/edit", fields, []);

        Assert.Equal(url, saved.Url);
        Assert.Contains("改过的标题", saved.Text);
        Assert.Single(saved.Document.QuerySelectorAll(".carousel__slide"));
    }

    [Fact]
    public async Task The_author_describes_a_photo_and_readers_get_those_words_as_its_alt_text()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var url = (await PostAsync(author, Fields(title: "湖边"), TestPhotos.Files(2))).Url;
        var edit = await author.GetAsync(url + "/edit");
        var ids = edit.Document.QuerySelectorAll("input[name='KeepPhotoIds']").Select(i => i.GetAttribute("value")!).ToList();
        IEnumerable<KeyValuePair<string, string>> With(string alt) =>
            Fields(title: "湖边").Concat(ids.Select(id => new KeyValuePair<string, string>("KeepPhotoIds", id)))
                .Append(new($"AltTexts[{ids[0]}]", alt));

        var refused = await edit.SubmitMultipartAsync(author.Client, url + "/edit", With("a" + new string('\u0301', 30)), []);
        Assert.NotNull(refused.FieldError("AltTexts"));
        await edit.SubmitMultipartAsync(author.Client, url + "/edit", With("两只天鹅在湖面上"), []);

        Assert.Equal("两只天鹅在湖面上", (await author.GetAsync(url + "/edit")).Document.QuerySelector($"input[name='AltTexts[{ids[0]}]']")!.GetAttribute("value"));
        var page = await author.GetAsync(url);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (page.Document.QuerySelectorAll(".carousel picture img").Length < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            page = await author.GetAsync(url);
        }
        var alts = page.Document.QuerySelectorAll(".carousel picture img").Select(i => i.GetAttribute("alt")).ToList();
        Assert.Equal(["两只天鹅在湖面上", "Photo 2 of 2: 湖边"], alts);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "notes.jpg", "this is not a JPEG, PNG, WebP or GIF photo" },
        { "empty.jpg", "the file is empty" },
        { "drawing.svg", "this is not a JPEG, PNG, WebP or GIF photo" },
        { "cut.jpg", "the file is damaged" },
        // Data after a JPEG's end (a phone's motion photo, a zip) is accepted and dropped: UploadInspectorTests.
    };

    [Theory, MemberData(nameof(BadFiles))]
    public async Task Each_bad_upload_is_refused_with_its_reason_through_the_real_form(string fileName, string reason)
    {
        var jpeg = TestPhotos.Jpeg();
        var bytes = fileName switch
        {
            "notes.jpg" => "Dear diary, today I went camping."u8.ToArray(),
            "empty.jpg" => [],
            "drawing.svg" => "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(),
            _ => jpeg[..(jpeg.Length / 2)],
        };
        var member = await site.ConfirmedMemberAsync(Person.New());
        var before = await CountNotesAsync();

        var page = await PostAsync(member, Fields(), [("Photos", fileName, bytes)]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(fileName, page.Document.QuerySelector("[data-valmsg-for='Photos']")!.TextContent);
        Assert.Contains(reason, page.Document.QuerySelector("[data-valmsg-for='Photos']")!.TextContent);
        Assert.Equal(before, await CountNotesAsync());
    }

    [Theory]
    [InlineData("0001-01-01T00:00", "Publish")]
    [InlineData("9999-12-31T23:59", "Draft")]
    [InlineData("0001-01-01T00:00", "Schedule")]
    public async Task A_schedule_time_at_the_ends_of_the_calendar_never_breaks_the_form(string scheduleAt, string action)
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var fields = Fields(action: action, scheduleAt: scheduleAt);
        fields["TimeZone"] = "Pacific/Kiritimati"; // UTC+14: the furthest a local time moves

        var page = await PostAsync(member, fields, TestPhotos.Files(1));

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        if (action == "Schedule") Assert.Contains("between 1 hour and 14 days", page.FieldError("ScheduleAt"));
        else Assert.Matches(@"^/notes/\d+$", page.Url);
    }

    [Fact]
    public async Task Values_the_form_cannot_read_get_a_message_next_to_their_field_and_save_nothing()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var before = await CountNotesAsync();
        var fields = Fields(action: "Schedule", scheduleAt: "notadate");
        fields["Visibility"] = "Everyone";

        var page = await PostAsync(member, fields, TestPhotos.Files(1));

        Assert.Equal("/notes/new", page.Url);
        Assert.Equal("\"notadate\" is not a valid value here.", page.FieldError("ScheduleAt"));
        Assert.Equal("\"Everyone\" is not a valid value here.", page.FieldError("Visibility"));
        Assert.Equal(before, await CountNotesAsync());
    }
}
