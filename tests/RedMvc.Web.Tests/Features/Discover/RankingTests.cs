using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

/// <summary>Trending for visitors, the personal mix and its switch for members, not interested, card likes, hot topics.</summary>
public class RankingTests
{
    private static readonly DateTime Start = DateTime.UtcNow.AddHours(-6);

    private static List<string> Titles(Visitor.Page page) =>
        page.Document.QuerySelectorAll(".cards--feed .card__title").Select(e => e.TextContent).ToList();

    private static List<string> Authors(Visitor.Page page) =>
        page.Document.QuerySelectorAll(".cards--feed .card__author").Select(e => e.GetAttribute("href")!).ToList();

    private static async Task RunTrendsAsync(RedMvcAppFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ComputeTrendsJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<string> AuthorAsync(AppDbContext db, string handle) =>
        (await db.AddMemberAsync(new Person($"{handle}@example.test", handle, handle))).Id;

    private static async Task<long> NoteAsync(AppDbContext db, string authorId, string title, DateTime publishedAt,
        NoteVisibility visibility = NoteVisibility.Public, string channel = "food", int likes = 0, string? topic = null)
    {
        var note = await db.PublishNoteAsync(authorId, title, topic is null ? "" : $"#{topic}", channel, visibility, publishedAt);
        if (likes > 0) await db.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, likes));
        return note.Id;
    }

    [Fact]
    public async Task Visitors_see_a_note_with_more_engagement_above_an_equally_old_one_once_the_trends_job_ran()
    {
        using var site = new RedMvcAppFactory();
        await site.Services.WithDbAsync(async db =>
        {
            var author = await AuthorAsync(db, "trendauthor");
            await NoteAsync(db, author, "有人赞", Start, likes: 5);
            await NoteAsync(db, author, "没人赞", Start);
            await NoteAsync(db, author, "新但没人赞", Start.AddHours(1), channel: "travel");
        });
        await RunTrendsAsync(site);

        Assert.Equal(["有人赞", "新但没人赞", "没人赞"], Titles(await site.CreateVisitor().GetAsync("/")));
        Assert.Equal(["有人赞", "没人赞"], Titles(await site.CreateVisitor().GetAsync("/?channel=food")));
    }

    [Fact]
    public async Task Visitors_page_through_the_trending_order_without_repeats()
    {
        using var site = new RedMvcAppFactory();
        await site.Services.WithDbAsync(async db =>
        {
            var author = await AuthorAsync(db, "pager");
            for (var i = 0; i < 30; i++) await NoteAsync(db, author, $"笔记 {i}", Start, likes: i % 7);
        });
        await RunTrendsAsync(site);
        var visitor = site.CreateVisitor();

        var first = await visitor.GetAsync("/");
        var more = first.Document.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        await RunTrendsAsync(site); // a rewrite between pages keeps the cursor valid
        var second = await visitor.GetAsync(more);

        var all = Titles(first).Concat(Titles(second)).ToList();
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Distinct().Count());
        Assert.Null(second.Document.QuerySelector("a[rel='next']"));
    }

    [Fact]
    public async Task The_output_cache_never_gives_a_member_page_to_a_visitor_or_a_visitor_page_to_a_member()
    {
        using var site = new RedMvcAppFactory();
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var memberFirst = await member.GetAsync("/");
        var visitorFirst = await site.CreateVisitor().GetAsync("/");
        var visitorAgain = await site.CreateVisitor().GetAsync("/");
        var memberAgain = await member.GetAsync("/");

        Assert.Contains("@" + person.Handle, memberFirst.Text);
        Assert.Contains("@" + person.Handle, memberAgain.Text);
        Assert.NotNull(memberAgain.Document.QuerySelector("form[action='/discover/order']"));
        Assert.False(memberAgain.Response.Headers.Contains("Age"));
        foreach (var visitorPage in new[] { visitorFirst, visitorAgain })
        {
            Assert.DoesNotContain("@" + person.Handle, visitorPage.Text);
            Assert.Null(visitorPage.Document.QuerySelector("input[name='__RequestVerificationToken']"));
            Assert.Null(visitorPage.Document.QuerySelector("form[action='/discover/order']"));
        }
        Assert.True(visitorAgain.Response.Headers.Contains("Age"), "the second visitor got the cached page");
        var chinese = await site.CreateVisitor("zh-CN").GetAsync("/");
        Assert.Equal("zh-CN", chinese.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", visitorAgain.Document.DocumentElement.GetAttribute("lang"));
    }

    /// <summary>Authors whose notes the member must never see, and two they should.</summary>
    private record Scene(Visitor Member, string MemberId);

    private static async Task<Scene> SceneAsync(RedMvcAppFactory site)
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var memberId = await site.IdOfAsync(person);
        await site.Services.WithDbAsync(async db =>
        {
            var blocked = await AuthorAsync(db, "blockedbyme");
            var blocker = await AuthorAsync(db, "blocksme");
            var secretive = await AuthorAsync(db, "secretive");
            var oneWay = await AuthorAsync(db, "oneway");
            var friend = await AuthorAsync(db, "friend");
            var plain = await AuthorAsync(db, "plain");
            await NoteAsync(db, blocked, "我拉黑的人", Start);
            await NoteAsync(db, blocker, "拉黑我的人", Start);
            await NoteAsync(db, secretive, "仅自己可见", Start, NoteVisibility.OnlyMe);
            await NoteAsync(db, oneWay, "单向互关笔记", Start, NoteVisibility.MutualFollowers);
            await NoteAsync(db, friend, "朋友互关笔记", Start, NoteVisibility.MutualFollowers);
            await NoteAsync(db, plain, "不感兴趣的", Start.AddMinutes(1), likes: 3);
            await NoteAsync(db, plain, "普通笔记", Start.AddMinutes(2));
            await Blocking.BlockAsync(db, memberId, blocked, Start);
            await Blocking.BlockAsync(db, blocker, memberId, Start);
            await Following.FollowAsync(db, memberId, oneWay, Start);
            await Following.FollowAsync(db, memberId, friend, Start);
            await Following.FollowAsync(db, friend, memberId, Start);
        });
        await RunTrendsAsync(site);
        return new Scene(member, memberId);
    }

    private static void AssertOnlyAllowed(List<string> titles)
    {
        Assert.Contains("普通笔记", titles);
        Assert.DoesNotContain("我拉黑的人", titles);
        Assert.DoesNotContain("拉黑我的人", titles);
        Assert.DoesNotContain("仅自己可见", titles);
        Assert.DoesNotContain("单向互关笔记", titles);
        Assert.DoesNotContain("不感兴趣的", titles);
    }

    [Fact]
    public async Task A_members_feed_never_shows_blocks_hidden_notes_or_what_they_dismissed_in_the_mix_or_newest_first()
    {
        using var site = new RedMvcAppFactory();
        var (member, _) = await SceneAsync(site);
        var dismissed = await site.Services.WithDbAsync(db => db.Notes.Where(n => n.Title == "不感兴趣的").Select(n => n.Id).SingleAsync());

        var before = await member.GetAsync("/");
        Assert.Contains("不感兴趣的", Titles(before));
        Assert.Contains("朋友互关笔记", Titles(before));
        await before.SubmitAsync(member.Client, $"/notes/{dismissed}/not-interested", new Dictionary<string, string>());

        AssertOnlyAllowed(Titles(await member.GetAsync("/")));
        AssertOnlyAllowed(Titles(await member.GetAsync("/?channel=food")));
        Assert.Contains("朋友互关笔记", Titles(await member.GetAsync("/")));

        await (await member.GetAsync("/")).SubmitAsync(member.Client, "/discover/order", new Dictionary<string, string> { ["chronological"] = "true" });
        var newest = await member.GetAsync("/");
        Assert.Equal("true", newest.Document.QuerySelector(".order-switch__option.is-active")!.GetAttribute("aria-pressed"));
        Assert.Equal("true", newest.Document.QuerySelector("button[name='chronological'][value='true']")!.GetAttribute("aria-pressed"));
        AssertOnlyAllowed(Titles(newest));
        AssertOnlyAllowed(Titles(await member.GetAsync("/?channel=food")));
        Assert.Equal(Titles(newest), Titles(newest).OrderByDescending(t => t == "普通笔记").ToList()); // the newest note leads
    }

    [Fact]
    public async Task Not_interested_on_the_note_page_takes_the_note_out_of_discover()
    {
        using var site = new RedMvcAppFactory();
        var (member, _) = await SceneAsync(site);
        var id = await site.Services.WithDbAsync(db => db.Notes.Where(n => n.Title == "普通笔记").Select(n => n.Id).SingleAsync());

        var after = await member.SubmitAsync($"/notes/{id}", $"/notes/{id}/not-interested", new Dictionary<string, string>());

        Assert.Equal("/", after.Url);
        Assert.DoesNotContain("普通笔记", Titles(after));
        Assert.True(await site.Services.WithDbAsync(db => db.NotInterested.AnyAsync(x => x.NoteId == id)));
    }

    [Fact]
    public async Task The_chronological_switch_stays_until_switched_back()
    {
        using var site = new RedMvcAppFactory();
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        Task<bool> PrefersAsync() => site.Services.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.PrefersChronologicalFeed).SingleAsync());

        await member.SubmitAsync("/?channel=travel", "/discover/order", new Dictionary<string, string> { ["chronological"] = "true" });
        Assert.True(await PrefersAsync());
        var signedIn = site.CreateVisitor();
        await signedIn.SignInAsync(person.Email);
        var page = await signedIn.GetAsync("/");
        Assert.Equal("true", page.Document.QuerySelector("button[name='chronological'][value='true']")!.GetAttribute("aria-pressed"));

        var back = await signedIn.SubmitAsync("/?channel=travel", "/discover/order", new Dictionary<string, string> { ["chronological"] = "false" });
        Assert.Equal("/?channel=travel", back.Url);
        Assert.False(await PrefersAsync());
        Assert.Equal("true", back.Document.QuerySelector("button[name='chronological'][value='false']")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task The_mix_never_puts_two_cards_of_one_author_side_by_side()
    {
        using var site = new RedMvcAppFactory();
        var member = await site.ConfirmedMemberAsync(Person.New());
        await site.Services.WithDbAsync(async db =>
        {
            var prolific = await AuthorAsync(db, "prolific");
            var second = await AuthorAsync(db, "second");
            var third = await AuthorAsync(db, "third");
            for (var i = 0; i < 8; i++) await NoteAsync(db, prolific, $"多产 {i}", Start.AddMinutes(10 + i), likes: 20);
            for (var i = 0; i < 4; i++) await NoteAsync(db, second, $"第二 {i}", Start.AddMinutes(i));
            for (var i = 0; i < 4; i++) await NoteAsync(db, third, $"第三 {i}", Start.AddMinutes(i));
        });
        await RunTrendsAsync(site);

        var authors = Authors(await member.GetAsync("/"));

        Assert.Equal(16, authors.Count);
        for (var i = 1; i < authors.Count; i++) Assert.NotEqual(authors[i - 1], authors[i]);
    }

    [Fact]
    public async Task A_liked_card_says_why_similar_notes_are_shown()
    {
        using var site = new RedMvcAppFactory();
        var member = await site.ConfirmedMemberAsync(Person.New());
        var (liked, similar) = await site.Services.WithDbAsync(async db =>
        {
            var camper = await AuthorAsync(db, "camper");
            var other = await AuthorAsync(db, "othercamper");
            var popular = await AuthorAsync(db, "popular");
            var likedId = await NoteAsync(db, camper, "第一次露营", Start, topic: "露营");
            var similarId = await NoteAsync(db, other, "山里露营", Start, topic: "露营");
            await NoteAsync(db, popular, "爆款", Start.AddHours(5), likes: 50);
            return (likedId, similarId);
        });
        await RunTrendsAsync(site);

        var home = await member.GetAsync("/");
        Assert.Null(home.Document.QuerySelector($"form[action='/notes/{liked}/unlike']"));
        var afterLike = await home.SubmitAsync(member.Client, $"/notes/{liked}/like", new Dictionary<string, string>());

        Assert.Equal("/", afterLike.Url);
        Assert.NotNull(afterLike.Document.QuerySelector($"form[action='/notes/{liked}/unlike'] .is-liked"));
        var card = afterLike.Document.QuerySelectorAll(".cards--feed .card").Single(c => c.QuerySelector(".card__title")!.TextContent == "山里露营");
        Assert.Equal("Because you liked #露营", card.QuerySelector(".card__why")!.TextContent);
        var trending = afterLike.Document.QuerySelectorAll(".cards--feed .card").Single(c => c.QuerySelector(".card__title")!.TextContent == "爆款");
        Assert.Equal("Trending", trending.QuerySelector(".card__why")!.TextContent);
        Assert.Equal(similar, long.Parse(card.QuerySelector(".card__link")!.GetAttribute("href")!["/notes/".Length..]));
    }

    [Fact]
    public async Task Visitors_see_like_counts_on_cards_but_no_like_buttons()
    {
        using var site = new RedMvcAppFactory();
        await site.Services.WithDbAsync(async db => await NoteAsync(db, await AuthorAsync(db, "counted"), "有赞", Start, likes: 7));

        var page = await site.CreateVisitor().GetAsync("/");

        Assert.Equal("7", page.Document.QuerySelector(".card__likes")!.TextContent.Trim());
        Assert.Empty(page.Document.QuerySelectorAll("form[method='post'][action*='/like']"));
    }

    [Fact]
    public async Task Topic_pages_sort_hot_by_trend_and_new_by_time_and_hot_topics_are_listed()
    {
        using var site = new RedMvcAppFactory();
        await site.Services.WithDbAsync(async db =>
        {
            var author = await AuthorAsync(db, "topical");
            await NoteAsync(db, author, "旧但火", Start, likes: 30, topic: "露营");
            await NoteAsync(db, author, "新但冷", Start.AddHours(2), topic: "露营");
            await NoteAsync(db, author, "别的话题", Start, topic: "咖啡");
        });
        await RunTrendsAsync(site);
        var visitor = site.CreateVisitor();

        Assert.Equal(["旧但火", "新但冷"], Titles(await visitor.GetAsync("/topics/露营?sort=hot")));
        var newest = await visitor.GetAsync("/topics/露营");
        Assert.Equal(["新但冷", "旧但火"], Titles(newest));
        Assert.Equal("page", newest.Document.QuerySelector($".channels__tab[href='/topics/{Uri.EscapeDataString("露营")}']")!.GetAttribute("aria-current"));

        var hot = (await visitor.GetAsync("/topics")).Document.QuerySelectorAll(".topic-list__link").Select(a => a.TextContent).ToList();
        Assert.Equal(["#露营", "#咖啡"], hot);
        var chips = (await visitor.GetAsync("/")).Document.QuerySelectorAll(".hot-topics__chip").Select(a => a.TextContent).ToList();
        Assert.Equal(["#露营", "#咖啡"], chips);
    }
}
