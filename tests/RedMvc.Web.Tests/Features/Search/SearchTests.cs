using System.Net.Http.Json;
using RedMvc.Domain.Search;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Tests;

public class SearchTests
{
    private static string Find(string query, string extra = "") => $"/search?q={Uri.EscapeDataString(query)}{extra}";

    [Fact]
    public async Task A_new_note_is_found_after_the_index_job_with_the_matched_words_marked()
    {
        using var site = new SearchSite();
        var author = await site.AuthorAsync();
        await site.NoteAsync(author.Id, "周末露营装备清单", "帐篷和睡袋都很轻，适合 Camping beginners");
        var visitor = site.CreateVisitor();

        Assert.Empty(SearchSite.Titles(await visitor.GetAsync(Find("露营"))));
        await site.IndexAsync();

        foreach (var query in new[] { "露营", "露营装备", "睡袋", "camping", "BEGINNER", "ｃａｍｐｉｎｇ" })
        {
            var page = await visitor.GetAsync(Find(query));
            Assert.Equal(["周末露营装备清单"], SearchSite.Titles(page));
        }
        var marked = await visitor.GetAsync(Find("露营"));
        Assert.Equal("露营", marked.Document.QuerySelector(".card__title mark")!.TextContent);
    }

    [Fact]
    public async Task An_edited_title_changes_what_finds_the_note()
    {
        using var site = new SearchSite();
        var author = await site.AuthorAsync();
        var note = await site.NoteAsync(author.Id, "抹茶拿铁测评");
        await site.IndexAsync();
        await site.Services.WithDbAsync(async db =>
        {
            var tracked = await db.Notes.SingleAsync(n => n.Id == note.Id);
            tracked.Edit(new NoteContent("桂花乌龙测评", "", "food", null, NoteVisibility.Public, false), DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        await site.IndexAsync();

        var visitor = site.CreateVisitor();
        Assert.Empty(SearchSite.Titles(await visitor.GetAsync(Find("抹茶"))));
        Assert.Equal(["桂花乌龙测评"], SearchSite.Titles(await visitor.GetAsync(Find("乌龙"))));
    }

    [Fact]
    public async Task Deleted_only_me_mutuals_only_and_blocked_authors_notes_are_never_found()
    {
        using var site = new SearchSite();
        var (reader, me) = await site.MemberAsync();
        var author = await site.AuthorAsync();
        var blocked = await site.AuthorAsync();
        await site.NoteAsync(author.Id, "火锅 公开");
        await site.NoteAsync(author.Id, "火锅 仅自己", visibility: NoteVisibility.OnlyMe);
        await site.NoteAsync(author.Id, "火锅 互关", visibility: NoteVisibility.MutualFollowers);
        var deleted = await site.NoteAsync(author.Id, "火锅 删除");
        await site.NoteAsync(blocked.Id, "火锅 拉黑");
        await site.IndexAsync();
        await site.Services.WithDbAsync(async db =>
        {
            await Blocking.BlockAsync(db, blocked.Id, me.Id, DateTime.UtcNow); // they blocked me: neither sees the other
            (await db.Notes.SingleAsync(n => n.Id == deleted.Id)).Delete(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        // Not indexed again yet: the search itself still refuses what may not be seen.
        Assert.Equal(["火锅 公开"], SearchSite.Titles(await reader.GetAsync(Find("火锅"))));
        await site.IndexAsync();
        Assert.Equal(["火锅 公开"], SearchSite.Titles(await reader.GetAsync(Find("火锅"))));
        Assert.Equal(["火锅 拉黑", "火锅 公开"], SearchSite.Titles(await site.CreateVisitor().GetAsync(Find("火锅", "&sort=newest"))));
    }

    [Fact]
    public async Task Each_sort_orders_the_matching_notes()
    {
        using var site = new SearchSite();
        var author = await site.AuthorAsync();
        var start = DateTime.UtcNow.AddHours(-5);
        var inTitle = await site.NoteAsync(author.Id, "咖啡豆 推荐", at: start);
        var liked = await site.NoteAsync(author.Id, "早餐", "配一杯咖啡豆现磨的", at: start.AddHours(1));
        var commented = await site.NoteAsync(author.Id, "下午茶", "咖啡豆 蛋糕", at: start.AddHours(2));
        var collected = await site.NoteAsync(author.Id, "周末", "咖啡豆 和书", at: start.AddHours(3));
        await site.Services.WithDbAsync(async db =>
        {
            await db.Notes.Where(n => n.Id == liked.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 9));
            await db.Notes.Where(n => n.Id == commented.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, 9));
            await db.Notes.Where(n => n.Id == collected.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, 9));
        });
        await site.IndexAsync();
        var visitor = site.CreateVisitor();

        Assert.Equal("咖啡豆 推荐", SearchSite.Titles(await visitor.GetAsync(Find("咖啡豆")))[0]); // the title weighs most
        Assert.Equal(["周末", "下午茶", "早餐", "咖啡豆 推荐"], SearchSite.Titles(await visitor.GetAsync(Find("咖啡豆", "&sort=newest"))));
        Assert.Equal("早餐", SearchSite.Titles(await visitor.GetAsync(Find("咖啡豆", "&sort=likes")))[0]);
        Assert.Equal("下午茶", SearchSite.Titles(await visitor.GetAsync(Find("咖啡豆", "&sort=comments")))[0]);
        Assert.Equal("周末", SearchSite.Titles(await visitor.GetAsync(Find("咖啡豆", "&sort=collects")))[0]);
        Assert.Equal(inTitle.Id.ToString(), (await visitor.GetAsync(Find("咖啡豆", "&sort=nonsense"))).Document
            .QuerySelector(".cards--feed .card__link")!.GetAttribute("href")!.Split('/')[^1]);
    }

    [Fact]
    public async Task Filters_narrow_by_channel_time_and_people_followed()
    {
        using var site = new SearchSite();
        var (reader, me) = await site.MemberAsync();
        var followed = await site.AuthorAsync();
        var other = await site.AuthorAsync();
        await site.NoteAsync(followed.Id, "徒步 今天 美食", channel: "food");
        await site.NoteAsync(other.Id, "徒步 今天 旅行", channel: "travel");
        await site.NoteAsync(other.Id, "徒步 上个月", channel: "travel", at: DateTime.UtcNow.AddDays(-30));
        await site.Services.WithDbAsync(db => Following.FollowAsync(db, me.Id, followed.Id, DateTime.UtcNow));
        await site.IndexAsync();

        Assert.Equal(["徒步 今天 旅行", "徒步 上个月"], SearchSite.Titles(await reader.GetAsync(Find("徒步", "&channel=travel&sort=newest"))));
        Assert.Equal(2, SearchSite.Titles(await reader.GetAsync(Find("徒步", "&within=week"))).Count);
        Assert.Equal(3, SearchSite.Titles(await reader.GetAsync(Find("徒步", "&within=halfyear"))).Count);
        Assert.Equal(["徒步 今天 美食"], SearchSite.Titles(await reader.GetAsync(Find("徒步", "&following=true"))));
        // A visitor follows nobody: the filter is ignored rather than showing nothing.
        Assert.Equal(3, SearchSite.Titles(await site.CreateVisitor().GetAsync(Find("徒步", "&following=true"))).Count);
    }

    [Fact]
    public async Task More_pages_through_every_match_once()
    {
        using var site = new SearchSite();
        var author = await site.AuthorAsync();
        var start = DateTime.UtcNow.AddDays(-1);
        for (var i = 0; i < 25; i++) await site.NoteAsync(author.Id, $"滑雪 {i}", at: start.AddMinutes(i));
        await site.IndexAsync();
        var visitor = site.CreateVisitor();

        foreach (var sort in new[] { "relevance", "newest", "likes" })
        {
            var first = await visitor.GetAsync(Find("滑雪", $"&sort={sort}"));
            var more = first.Document.QuerySelector(".more a")!.GetAttribute("href")!;
            var second = await visitor.GetAsync(more);
            var all = SearchSite.Titles(first).Concat(SearchSite.Titles(second)).ToList();
            Assert.Equal(25, all.Distinct().Count());
            Assert.Equal(25, all.Count);
            Assert.Null(second.Document.QuerySelector(".more a"));
        }
    }

    [Fact]
    public async Task A_word_in_more_notes_than_the_window_is_sorted_among_the_newest_ones_and_the_list_says_where_it_ends()
    {
        using var site = new SearchSite(candidates: 25);
        var author = await site.AuthorAsync();
        var start = DateTime.UtcNow.AddDays(-1);
        await site.NoteAsync(author.Id, "冲浪 最早的一篇", at: start); // the word in the title, but older than the 25 newest
        for (var i = 0; i < 29; i++) await site.NoteAsync(author.Id, $"第{i}天", $"今天去冲浪 {i}", at: start.AddMinutes(i + 1));
        var lastInTitle = await site.NoteAsync(author.Id, "冲浪 最新的一篇", at: start.AddMinutes(40));
        await site.IndexAsync();
        var visitor = site.CreateVisitor();
        Assert.Equal(lastInTitle.Title, SearchSite.Titles(await visitor.GetAsync(Find("冲浪")))[0]);

        foreach (var sort in new[] { "relevance", "newest", "likes" })
        {
            var first = await visitor.GetAsync(Find("冲浪", $"&sort={sort}"));
            Assert.Null(first.Document.QuerySelector(".search__ended"));
            // A newer match published between two pages does not move the window the next page sorts.
            var newer = await site.NoteAsync(author.Id, $"冲浪 之后才发 {sort}");
            await site.IndexAsync();
            var second = await visitor.GetAsync(first.Document.QuerySelector(".more a")!.GetAttribute("href")!);
            var all = SearchSite.Titles(first).Concat(SearchSite.Titles(second)).ToList();

            Assert.Equal(25, all.Count);
            Assert.Equal(25, all.Distinct().Count());
            Assert.DoesNotContain("冲浪 最早的一篇", all);
            Assert.DoesNotContain(newer.Title, all);
            Assert.Null(second.Document.QuerySelector(".more a"));
            Assert.Contains("25", second.Document.QuerySelector(".search__ended")!.TextContent);
        }
    }

    [Fact]
    public async Task People_pages_through_the_newest_matches_once_each_and_the_list_says_where_it_ends()
    {
        using var site = new SearchSite(candidates: 21);
        for (var i = 0; i < 23; i++) await site.AuthorAsync($"Kayak {i}");
        await site.IndexAsync();
        var visitor = site.CreateVisitor();

        var first = await visitor.GetAsync(Find("kayak", "&tab=people"));
        await site.AuthorAsync("Kayak later");
        await site.IndexAsync();
        var second = await visitor.GetAsync(first.Document.QuerySelector(".more a")!.GetAttribute("href")!);
        var names = Names(first).Concat(Names(second)).ToList();

        Assert.Equal(21, names.Count);
        Assert.Equal(21, names.Distinct().Count());
        Assert.DoesNotContain("Kayak later", names);
        Assert.NotNull(second.Document.QuerySelector(".search__ended"));
        Assert.Null(second.Document.QuerySelector(".more a"));

        static IEnumerable<string> Names(Visitor.Page page) => page.Document.QuerySelectorAll(".people__list .person__who strong").Select(e => e.TextContent.Trim());
    }

    [Fact]
    public async Task Relevance_puts_notes_with_more_of_the_words_in_the_title_first_then_the_newest()
    {
        using var site = new SearchSite();
        var author = await site.AuthorAsync();
        var start = DateTime.UtcNow.AddHours(-5);
        var both = await site.NoteAsync(author.Id, "露营 装备 清单", at: start);
        var one = await site.NoteAsync(author.Id, "露营 第一次", "装备 不多", at: start.AddHours(1));
        var bodyOld = await site.NoteAsync(author.Id, "周末", "露营 装备", at: start.AddHours(2));
        var bodyNew = await site.NoteAsync(author.Id, "假期", "装备 露营", at: start.AddHours(3));
        await site.IndexAsync();

        Assert.Equal([both.Title, one.Title, bodyNew.Title, bodyOld.Title], SearchSite.Titles(await site.CreateVisitor().GetAsync(Find("露营 装备"))));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR")]
    [InlineData("a OR b")]
    [InlineData("-x")]
    [InlineData("((")]
    [InlineData("😀🎉")]
    [InlineData("火")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("'; DROP TABLE \"Notes\"; --")]
    [InlineData("title:a^2 {x} [y] ~z \\ %_")]
    public async Task Awkward_queries_get_a_normal_page_with_the_query_echoed_encoded(string query)
    {
        using var site = new SearchSite();
        var author = await site.AuthorAsync();
        await site.NoteAsync(author.Id, "火锅 alert x");
        await site.IndexAsync();
        var visitor = site.CreateVisitor();

        foreach (var tab in new[] { "notes", "people", "products" })
        {
            var page = await visitor.GetAsync(Find(query, $"&tab={tab}"));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(query, page.Document.QuerySelector(".search-page__input")!.GetAttribute("value"));
            Assert.DoesNotContain("<script>alert", page.Html);
        }
        var suggest = await visitor.Client.GetAsync(Find(query).Replace("/search?", "/search/suggest?"));
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
    }

    [Fact]
    public async Task A_500_character_query_is_searched_by_its_start()
    {
        using var site = new SearchSite();
        var page = await site.CreateVisitor().GetAsync(Find("火锅" + new string('长', 498)));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(SearchQuery.MaxLength, page.Document.QuerySelector(".search-page__input")!.GetAttribute("value")!.Length);
    }

    [Fact]
    public async Task People_are_found_by_name_and_bio_with_followers_but_never_across_a_block()
    {
        using var site = new SearchSite();
        var (reader, me) = await site.MemberAsync();
        var chef = await site.AuthorAsync("小厨娘", bio: "分享家常菜 and baking");
        var hidden = await site.AuthorAsync("小厨师");
        await site.Services.WithDbAsync(async db =>
        {
            await Blocking.BlockAsync(db, me.Id, hidden.Id, DateTime.UtcNow);
            await Following.FollowAsync(db, hidden.Id, chef.Id, DateTime.UtcNow);
        });
        await site.IndexAsync();

        var byName = await reader.GetAsync(Find("小厨", "&tab=people"));
        Assert.Equal([chef.Handle], byName.Document.QuerySelectorAll(".person__who").Select(a => a.GetAttribute("href")!.Split('/')[^1]));
        Assert.Contains("1 followers", byName.Text);
        Assert.NotNull(byName.Document.QuerySelector($"form[action='/u/{chef.Handle}/follow']"));
        var byHandleStart = await reader.GetAsync(Find(chef.Handle[..4], "&tab=people"));
        Assert.Single(byHandleStart.Document.QuerySelectorAll(".person"));
        var byBio = await reader.GetAsync(Find("BAKING", "&tab=people"));
        Assert.Single(byBio.Document.QuerySelectorAll(".person"));
        Assert.Equal(2, (await site.CreateVisitor().GetAsync(Find("小厨", "&tab=people"))).Document.QuerySelectorAll(".person").Length);
    }

    [Fact]
    public async Task Products_on_sale_are_found_by_title_or_shop_with_price_and_stock()
    {
        using var site = new SearchSite();
        var (productId, archivedId) = await site.Services.WithDbAsync(async db =>
        {
            var shop = await db.OpenShopAsync("山茶花工坊");
            var onSale = await db.ProductOnSaleAsync(shop.Id, "手工香皂");
            var archived = await db.ProductOnSaleAsync(shop.Id, "手工蜡烛");
            archived.Archive(DateTime.UtcNow);
            await db.SaveChangesAsync();
            return (onSale.Id, archived.Id);
        });
        await site.IndexAsync();
        var visitor = site.CreateVisitor();

        foreach (var query in new[] { "香皂", "山茶花", "手工" })
        {
            var page = await visitor.GetAsync(Find(query, "&tab=products"));
            Assert.Equal([productId.ToString()], page.Document.QuerySelectorAll("[data-product]").Select(e => e.GetAttribute("data-product")));
            Assert.NotNull(page.Document.QuerySelector(".price__now"));
        }
        Assert.NotEqual(productId, archivedId);
    }

    [Fact]
    public async Task Suggestions_offer_topics_people_and_products_by_their_first_characters()
    {
        using var site = new SearchSite();
        var author = await site.AuthorAsync("Maple Li");
        await site.NoteAsync(author.Id, "秋天", "#秋日穿搭 #maple");
        await site.Services.WithDbAsync(async db => await db.ProductOnSaleAsync((await db.OpenShopAsync()).Id, "秋日围巾"));
        await site.IndexAsync(); // people and products are suggested from the search index
        var visitor = site.CreateVisitor();

        var chinese = await visitor.Client.GetFromJsonAsync<SuggestionsJson>("/search/suggest?q=" + Uri.EscapeDataString("秋日"));
        Assert.Contains("秋日穿搭", chinese!.Topics);
        Assert.Contains(chinese.Products, p => p.Title == "秋日围巾");
        var latin = await visitor.Client.GetFromJsonAsync<SuggestionsJson>("/search/suggest?q=MAP");
        Assert.Contains("maple", latin!.Topics);
        Assert.Contains(latin.People, p => p.Name == "Maple Li");
    }

    [Fact]
    public async Task Recent_searches_are_kept_per_member_and_cleared_and_hot_searches_count_each_member_once()
    {
        using var site = new SearchSite();
        var (first, _) = await site.MemberAsync();
        var (second, _) = await site.MemberAsync();
        foreach (var _ in Enumerable.Range(0, 3)) await first.GetAsync(Find("露营"));
        await first.GetAsync(Find("咖啡"));
        await second.GetAsync(Find("咖啡"));
        await site.CreateVisitor().GetAsync(Find("visitor only"));
        await site.Services.WithDbAsync(db => SearchHistory.ComputeHotAsync(db, DateTime.UtcNow));

        var landing = await first.GetAsync("/search");
        Assert.Equal(["咖啡", "露营"], Terms(landing, "Recent searches"));
        Assert.Equal(["咖啡", "露营"], Terms(landing, "Hot searches")); // 2 members, then 1 member three times
        await first.PostWithTokenAsync("/search/recent/clear");
        Assert.Empty(Terms(await first.GetAsync("/search"), "Recent searches"));
        Assert.Equal(["咖啡"], Terms(await second.GetAsync("/search"), "Recent searches"));
    }

    [Fact]
    public async Task Staff_can_hide_a_hot_term_and_members_cannot()
    {
        using var site = new SearchSite();
        var (member, _) = await site.MemberAsync();
        await member.GetAsync(Find("不良词"));
        await site.Services.WithDbAsync(db => SearchHistory.ComputeHotAsync(db, DateTime.UtcNow));

        var refused = await member.PostWithTokenAsync("/search/hot/hide", new() { ["term"] = "不良词" });
        Assert.Contains("不良词", Terms(await site.CreateVisitor().GetAsync("/search"), "Hot searches"));
        Assert.NotEqual("/search", refused.Url);

        var staffPerson = Person.New("Staff");
        await site.Services.WithDbAsync(db => db.AddMemberAsync(staffPerson, password: Members.Password, roles: Roles.Staff));
        var staff = site.CreateVisitor();
        await staff.SignInAsync(staffPerson.Email);
        await staff.PostWithTokenAsync("/search/hot/hide", new() { ["term"] = "不良词" });
        Assert.Empty(Terms(await site.CreateVisitor().GetAsync("/search"), "Hot searches"));
        await site.Services.WithDbAsync(db => SearchHistory.ComputeHotAsync(db, DateTime.UtcNow));
        Assert.Empty(Terms(await site.CreateVisitor().GetAsync("/search"), "Hot searches"));
    }

    private static List<string> Terms(Visitor.Page page, string heading) =>
        page.Document.QuerySelectorAll(".search-terms").Where(s => s.QuerySelector("h2")!.TextContent == heading)
            .SelectMany(s => s.QuerySelectorAll("a")).Select(a => a.TextContent).ToList();

    private sealed record SuggestionsJson(List<string> Topics, List<PersonJson> People, List<ProductJson> Products);

    private sealed record PersonJson(string Handle, string Name);

    private sealed record ProductJson(long Id, string Title);
}
