using RedMvc.Domain.Notifications;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class CollectTests(RedMvcAppFactory site)
{
    private static readonly Dictionary<string, string> NoFields = [];

    private static long IdOf(string noteUrl) => long.Parse(noteUrl.Split('/')[2]);

    private static int Collects(Visitor.Page notePage) => int.Parse(notePage.Document.QuerySelector(".collect span")!.TextContent);

    private Task<List<Board>> BoardsOfAsync(Person person) => site.Services.WithDbAsync(db =>
        db.Boards.AsNoTracking().Where(b => db.Users.Any(u => u.Id == b.OwnerId && u.Handle == person.Handle)).OrderBy(b => b.Id).ToListAsync());

    private Task<long?> BoardOfAsync(Person person, long noteId) => site.Services.WithDbAsync(db =>
        db.Collects.Where(c => c.NoteId == noteId && db.Users.Any(u => u.Id == c.UserId && u.Handle == person.Handle)).Select(c => (long?)c.BoardId).SingleOrDefaultAsync());

    private static async Task<long> NewBoardAsync(Visitor member, string name, bool isPrivate = false)
    {
        var fields = new Dictionary<string, string> { ["Name"] = name };
        if (isPrivate) fields["IsPrivate"] = "true";
        var board = await member.SubmitAsync("/boards/new", "/boards/new", fields);
        Assert.Equal(HttpStatusCode.OK, board.Status);
        return long.Parse(board.Url.Split('/')[2]);
    }

    private static Task<Visitor.Page> CollectIntoAsync(Visitor member, string noteUrl, long? boardId, string? newBoardName = null) =>
        member.SubmitAsync($"{noteUrl}/collect", $"{noteUrl}/collect",
            new Dictionary<string, string> { ["BoardId"] = boardId?.ToString() ?? "", ["NewBoardName"] = newBoardName ?? "" });

    [Fact]
    public async Task Collecting_twice_counts_once_tells_the_author_and_uncollecting_takes_it_back()
    {
        var authorPerson = Person.New();
        var url = await (await site.ConfirmedMemberAsync(authorPerson)).PostNoteAsync();
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var page = await fan.GetAsync(url);

        var collected = await page.SubmitAsync(fan.Client, $"{url}/collect", NoFields);
        var again = await page.SubmitAsync(fan.Client, $"{url}/collect", NoFields); // the stale page's button
        Assert.Equal(1, Collects(collected));
        Assert.Equal(1, Collects(again));
        Assert.Equal("true", again.Document.QuerySelector("button.collect")!.GetAttribute("aria-pressed"));
        Assert.Contains("Saved to “Collected”", again.Text);
        var boards = await BoardsOfAsync(fanPerson);
        Assert.True(Assert.Single(boards).IsDefault);
        Assert.Equal(1, await site.Services.WithDbAsync(db => db.Notifications.CountAsync(n =>
            n.Kind == NotificationKind.Collect && n.NoteId == IdOf(url) && db.Users.Any(u => u.Id == n.RecipientId && u.Handle == authorPerson.Handle))));

        var uncollected = await again.SubmitAsync(fan.Client, $"{url}/uncollect", NoFields);
        Assert.Equal(0, Collects(uncollected));
        Assert.Equal("false", uncollected.Document.QuerySelector("button.collect")!.GetAttribute("aria-pressed"));
        Assert.Null(await BoardOfAsync(fanPerson, IdOf(url)));
    }

    [Fact]
    public async Task A_visitor_sees_the_collect_count_with_a_sign_in_link_instead_of_a_form()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var page = await site.CreateVisitor().GetAsync(url);
        Assert.StartsWith("/account/sign-in", page.Document.QuerySelector("a.collect")!.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector($"form[action='{url}/collect']"));
    }

    [Fact]
    public async Task A_note_collected_into_a_new_board_shows_on_that_board_and_the_profile()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync("海边露营");
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);

        var done = await CollectIntoAsync(fan, url, null, newBoardName: "露营灵感");
        Assert.Equal(url, done.Url);
        Assert.Equal(1, Collects(done));
        var board = Assert.Single(await BoardsOfAsync(fanPerson));
        Assert.Equal("露营灵感", board.Name);
        Assert.Equal(board.Id, await BoardOfAsync(fanPerson, IdOf(url)));

        var boardPage = await site.CreateVisitor().GetAsync($"/boards/{board.Id}");
        Assert.Contains("露营灵感", boardPage.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("海边露营", boardPage.Document.QuerySelector(".cards")!.TextContent);
        var tab = await site.CreateVisitor().GetAsync($"/u/{fanPerson.Handle}?tab=collects");
        Assert.Contains("露营灵感", tab.Document.QuerySelector(".boards")!.TextContent);
        Assert.Contains("1 notes", tab.Document.QuerySelector(".boards")!.TextContent);
    }

    [Fact]
    public async Task Collecting_into_another_board_moves_the_note_and_still_counts_once()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var food = await NewBoardAsync(fan, "美食");
        var trips = await NewBoardAsync(fan, "旅行");

        await CollectIntoAsync(fan, url, food);
        var moved = await CollectIntoAsync(fan, url, trips);
        Assert.Equal(1, Collects(moved));
        Assert.Equal(trips, await BoardOfAsync(fanPerson, IdOf(url)));

        var edit = await fan.GetAsync($"/boards/{trips}/edit");
        var back = await edit.SubmitAsync(fan.Client, $"/boards/{trips}/notes/{IdOf(url)}/move", new Dictionary<string, string> { ["to"] = food.ToString() });
        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Equal(food, await BoardOfAsync(fanPerson, IdOf(url)));
        Assert.Equal(1, Collects(await fan.GetAsync(url)));
    }

    [Fact]
    public async Task Removing_from_a_board_keeps_the_collect_in_the_default_board_and_deleting_a_board_does_too()
    {
        var first = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var second = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var board = await NewBoardAsync(fan, "咖啡");
        await CollectIntoAsync(fan, first, board);
        await CollectIntoAsync(fan, second, board);

        var edit = await fan.GetAsync($"/boards/{board}/edit");
        await edit.SubmitAsync(fan.Client, $"/boards/{board}/notes/{IdOf(first)}/remove", NoFields);
        var defaultBoard = (await BoardsOfAsync(fanPerson)).Single(b => b.IsDefault);
        Assert.Equal(defaultBoard.Id, await BoardOfAsync(fanPerson, IdOf(first)));
        Assert.Equal(1, Collects(await fan.GetAsync(first)));

        var deleted = await (await fan.GetAsync($"/boards/{board}/edit")).SubmitAsync(fan.Client, $"/boards/{board}/delete", NoFields);
        Assert.Contains("its notes are in Collected", deleted.Text);
        Assert.Equal(defaultBoard.Id, await BoardOfAsync(fanPerson, IdOf(second)));
        Assert.Equal(1, Collects(await fan.GetAsync(second)));
        Assert.Equal(HttpStatusCode.NotFound, (await fan.GetAsync($"/boards/{board}")).Status);
    }

    [Fact]
    public async Task The_default_board_can_be_neither_renamed_nor_deleted()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        await (await fan.GetAsync(url)).SubmitAsync(fan.Client, $"{url}/collect", NoFields);
        var defaultBoard = Assert.Single(await BoardsOfAsync(fanPerson));

        var edit = await fan.GetAsync($"/boards/{defaultBoard.Id}/edit");
        Assert.Null(edit.Document.QuerySelector($"form[action='/boards/{defaultBoard.Id}/delete']"));
        var renamed = await fan.PostWithTokenAsync($"/boards/{defaultBoard.Id}/rename", new() { ["Name"] = "改名" });
        Assert.Contains("can't be renamed or deleted", renamed.FieldError("Name"));
        var deleted = await fan.PostWithTokenAsync($"/boards/{defaultBoard.Id}/delete");
        Assert.Contains("can't be renamed or deleted", deleted.Text);
        var after = Assert.Single(await BoardsOfAsync(fanPerson));
        Assert.True(after.IsDefault);
        Assert.Equal("", after.Name);
        Assert.Equal(defaultBoard.Id, await BoardOfAsync(fanPerson, IdOf(url)));
    }

    [Fact]
    public async Task A_board_name_over_twelve_characters_is_refused_with_a_message_and_nothing_is_saved()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var thirteen = "一二三四五六七八九十一二三";

        var created = await fan.SubmitAsync("/boards/new", "/boards/new", new Dictionary<string, string> { ["Name"] = thirteen });
        Assert.Contains("at most 12 characters", created.FieldError("Name"));
        var chooser = await CollectIntoAsync(fan, url, null, newBoardName: thirteen);
        Assert.Contains("at most 12 characters", chooser.FieldError("NewBoardName"));
        Assert.Empty(await BoardsOfAsync(fanPerson));
        Assert.Null(await BoardOfAsync(fanPerson, IdOf(url)));
        Assert.Equal(0, Collects(await fan.GetAsync(url)));

        var board = await NewBoardAsync(fan, "一二三四五六七八九十一二"); // twelve is fine
        var renamed = await (await fan.GetAsync($"/boards/{board}/edit")).SubmitAsync(fan.Client, $"/boards/{board}/rename", new Dictionary<string, string> { ["Name"] = thirteen });
        Assert.Contains("at most 12 characters", renamed.FieldError("Name"));
        Assert.Equal("一二三四五六七八九十一二", Assert.Single(await BoardsOfAsync(fanPerson)).Name);
    }

    [Fact]
    public async Task Another_persons_private_board_is_a_404_and_not_listed_on_their_profile()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var ownerPerson = Person.New();
        var owner = await site.ConfirmedMemberAsync(ownerPerson);
        var secret = await NewBoardAsync(owner, "秘密清单", isPrivate: true);
        var open = await NewBoardAsync(owner, "公开清单");
        await CollectIntoAsync(owner, url, secret);
        var other = await site.ConfirmedMemberAsync(Person.New());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/boards/{secret}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/boards/{secret}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/boards/{open}")).Status);
        var othersView = (await other.GetAsync($"/u/{ownerPerson.Handle}?tab=collects")).Document.QuerySelector(".boards")!.TextContent;
        Assert.Contains("公开清单", othersView);
        Assert.DoesNotContain("秘密清单", othersView);

        var ownView = await owner.GetAsync($"/u/{ownerPerson.Handle}?tab=collects");
        Assert.Contains("秘密清单", ownView.Document.QuerySelector(".boards")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/boards/{secret}")).Status);
    }

    [Fact]
    public async Task A_hidden_collects_tab_is_hidden_from_others_but_not_from_the_owner()
    {
        var ownerPerson = Person.New();
        var owner = await site.ConfirmedMemberAsync(ownerPerson);
        var board = await NewBoardAsync(owner, "书单");
        var settings = await owner.SubmitAsync("/settings/profile", "/settings/profile",
            new Dictionary<string, string> { ["DisplayName"] = ownerPerson.DisplayName, ["HideCollects"] = "true" });
        Assert.Equal(HttpStatusCode.OK, settings.Status);
        var profileUrl = $"/u/{ownerPerson.Handle}";
        var other = await site.ConfirmedMemberAsync(Person.New());

        var othersView = await other.GetAsync(profileUrl);
        Assert.Null(othersView.Document.QuerySelector($"a[href='{profileUrl}?tab=collects']"));
        var forced = await other.GetAsync($"{profileUrl}?tab=collects");
        Assert.Contains("keeps their collects to themselves", forced.Text);
        Assert.DoesNotContain("书单", forced.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/boards/{board}")).Status);

        var ownView = await owner.GetAsync(profileUrl);
        Assert.NotNull(ownView.Document.QuerySelector($"a[href='{profileUrl}?tab=collects']"));
        Assert.Contains("书单", (await owner.GetAsync($"{profileUrl}?tab=collects")).Document.QuerySelector(".boards")!.TextContent);
        Assert.NotNull((await owner.GetAsync("/settings/profile")).Document.QuerySelector("input[name='HideCollects'][checked]"));
    }

    [Fact]
    public async Task Nobody_can_rename_delete_hide_empty_or_collect_into_someone_elses_board()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var ownerPerson = Person.New();
        var owner = await site.ConfirmedMemberAsync(ownerPerson);
        var board = await NewBoardAsync(owner, "我的专辑");
        await CollectIntoAsync(owner, url, board);
        var intruderPerson = Person.New();
        var intruder = await site.ConfirmedMemberAsync(intruderPerson);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/boards/{board}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostWithTokenAsync($"/boards/{board}/rename", new() { ["Name"] = "被改了" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostWithTokenAsync($"/boards/{board}/privacy", new() { ["isPrivate"] = "true" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostWithTokenAsync($"/boards/{board}/delete")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostWithTokenAsync($"/boards/{board}/notes/{IdOf(url)}/remove")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostWithTokenAsync($"/boards/{board}/notes/{IdOf(url)}/move", new() { ["to"] = board.ToString() })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PostWithTokenAsync($"{url}/collect", new() { ["BoardId"] = board.ToString() })).Status);

        var after = Assert.Single(await BoardsOfAsync(ownerPerson));
        Assert.Equal("我的专辑", after.Name);
        Assert.False(after.IsPrivate);
        Assert.Equal(board, await BoardOfAsync(ownerPerson, IdOf(url)));
        Assert.Null(await BoardOfAsync(intruderPerson, IdOf(url)));
        Assert.Equal(1, Collects(await owner.GetAsync(url)));
    }

    [Fact]
    public async Task The_profile_counts_likes_and_collects_received_and_lists_likes_the_viewer_may_see()
    {
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var first = await author.PostNoteAsync("第一篇");
        var second = await author.PostNoteAsync("第二篇");
        var fanPerson = Person.New();
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        await (await fan.GetAsync(first)).SubmitAsync(fan.Client, $"{first}/like", NoFields);
        await (await fan.GetAsync(first)).SubmitAsync(fan.Client, $"{first}/collect", NoFields);
        await (await fan.GetAsync(second)).SubmitAsync(fan.Client, $"{second}/collect", NoFields);
        var ownNote = await fan.PostNoteAsync("只给自己", visibility: "OnlyMe");
        await (await fan.GetAsync(ownNote)).SubmitAsync(fan.Client, $"{ownNote}/like", NoFields);

        var profile = await site.CreateVisitor().GetAsync($"/u/{authorPerson.Handle}");
        var received = profile.Document.QuerySelectorAll(".profile__counts li").Single(li => li.TextContent.Contains("likes and collects"));
        Assert.Equal("3", received.QuerySelector("strong")!.TextContent);

        var othersLikes = await site.CreateVisitor().GetAsync($"/u/{fanPerson.Handle}?tab=likes");
        Assert.Contains("第一篇", othersLikes.Document.QuerySelector(".cards")!.TextContent);
        Assert.DoesNotContain("只给自己", othersLikes.Text);
        var ownLikes = await fan.GetAsync($"/u/{fanPerson.Handle}?tab=likes");
        Assert.Contains("只给自己", ownLikes.Document.QuerySelector(".cards")!.TextContent);
    }

    [Fact]
    public async Task Fifty_members_collecting_at_once_give_exactly_fifty_and_one_default_board_each()
    {
        var (noteId, memberIds) = await site.Services.WithDbAsync(async db =>
        {
            var members = await db.AddMembersAsync(50);
            var note = await db.PublishNoteAsync(members[0].Id, "好物");
            return (note.Id, members.Select(m => m.Id).ToList());
        });

        // Every member twice at once: the second of each pair races the first for the row and the default board.
        await Task.WhenAll(memberIds.Concat(memberIds).Select(id => Task.Run(async () =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            await Collecting.CollectAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, noteId, null, DateTime.UtcNow);
        })));

        Assert.Equal(50, await site.Services.WithDbAsync(db => db.Notes.Where(n => n.Id == noteId).Select(n => n.CollectCount).SingleAsync()));
        Assert.Equal(50, await site.Services.WithDbAsync(db => db.Collects.CountAsync(c => c.NoteId == noteId)));
        Assert.Equal(50, await site.Services.WithDbAsync(db => db.Boards.CountAsync(b => memberIds.Contains(b.OwnerId))));
    }
}
