using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Search;
using RedMvc.Web.Tests.Features.Messages;

namespace RedMvc.Web.Tests;

/// <summary>
/// The screening list through the staff page, and what it does where members write: blocked posts are
/// refused with the phrase named, held ones are their author's alone until staff approve them. Each test
/// screens its own made-up word, so the list the tests share never touches another test's text.
/// </summary>
[Collection(SiteCollection.Name)]
public class ScreeningTests(RedMvcAppFactory site)
{
    private static string NewWord() => "zq" + Guid.NewGuid().ToString("N")[..8];

    private static Task<Visitor.Page> AddPhraseAsync(Visitor staff, string phrase, string action, string note = "") =>
        staff.SubmitAsync("/admin/screening", "/admin/screening/phrases",
            new Dictionary<string, string> { ["Phrase"] = phrase, ["Action"] = action, ["Note"] = note });

    private static string FullWidth(string word) => new(word.Select(c => (char)(c + 0xFEE0)).ToArray());

    private async Task<string> SearchAsync(Visitor visitor, string query)
    {
        await site.Services.WithDbAsync(async db => { while (await SearchIndexing.DrainAsync(db) > 0) { } });
        return (await visitor.GetAsync($"/search?q={Uri.EscapeDataString(query)}")).Document.QuerySelector(".cards--feed")?.TextContent ?? "";
    }

    [Fact]
    public async Task Staff_add_and_remove_a_phrase_and_both_are_in_the_audit_log()
    {
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        var word = NewWord();

        var added = await AddPhraseAsync(staff, $"  {word.ToUpperInvariant()} ", "Block", "seen in spam rings");

        Assert.Equal("/admin/screening", added.Url);
        var row = added.Document.QuerySelectorAll("[data-phrases] tr[data-phrase]").Single(r => r.TextContent.Contains(word.ToUpperInvariant()));
        Assert.Contains("seen in spam rings", row.TextContent);
        Assert.Contains("already on the list", (await AddPhraseAsync(staff, word, "Hold")).Text);

        var id = row.GetAttribute("data-phrase")!;
        var removed = await added.SubmitAsync(staff.Client, $"/admin/screening/phrases/{id}/remove", new Dictionary<string, string>());
        Assert.DoesNotContain(word.ToUpperInvariant(), removed.Document.QuerySelector("[data-phrases]")?.TextContent ?? "");
        var actions = await site.Services.WithDbAsync(db => db.StaffAudit.Where(e => e.TargetKind == "Phrase" && e.TargetId == id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["screening.add", "screening.remove-phrase"], actions.Order());
    }

    [Fact]
    public async Task A_blocked_phrase_refuses_a_note_and_a_comment_naming_it_and_saves_nothing()
    {
        var word = NewWord();
        await AddPhraseAsync(await site.MemberWithRoleAsync(Person.New(), Roles.Staff), word, "Block");
        var author = await site.ConfirmedMemberAsync(Person.New());
        var notes = await site.Services.WithDbAsync(db => db.Notes.CountAsync());

        var refused = await author.SendNoteAsync(Composer.Fields(title: "周末好去处", body: $"私聊加{FullWidth(word)}"), TestPhotos.Files(1));

        Assert.Equal("/notes/new", refused.Url);
        Assert.Contains($"This contains “{word}”, which is not allowed here", refused.Text);
        Assert.Equal(notes, await site.Services.WithDbAsync(db => db.Notes.CountAsync()));

        var noteUrl = await author.PostNoteAsync("周末好去处");
        var commenter = await site.ConfirmedMemberAsync(Person.New());
        var answered = await (await commenter.GetAsync(noteUrl)).SubmitAsync(commenter.Client, $"{noteUrl}/comments",
            new Dictionary<string, string> { ["Body"] = $"买这个找我 {word.ToUpperInvariant()}" });
        Assert.Contains($"This contains “{word}”, which is not allowed here", answered.Text);
        var noteId = long.Parse(noteUrl.Split('/').Last());
        Assert.Equal(0, await site.Services.WithDbAsync(db => db.Comments.CountAsync(c => c.NoteId == noteId)));
    }

    [Fact]
    public async Task A_held_note_is_its_authors_alone_until_staff_approve_it_then_everyone_finds_it()
    {
        var word = NewWord();
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        await AddPhraseAsync(staff, word, "Hold");
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var member = await site.ConfirmedMemberAsync(Person.New());

        var posted = await author.SendNoteAsync(Composer.Fields(title: $"山里露营 {word}"), TestPhotos.Files(1));

        Assert.Matches(@"^/notes/\d+$", posted.Url);
        Assert.Contains("waiting for review", posted.Text);
        var noteUrl = posted.Url;
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(noteUrl)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(noteUrl)).Status);
        Assert.DoesNotContain(word, (await site.CreateVisitor().GetAsync($"/u/{authorPerson.Handle}")).Text);
        Assert.DoesNotContain(word, await SearchAsync(member, word));
        var queue = await staff.GetAsync("/admin/screening");
        var noteId = noteUrl.Split('/').Last();
        Assert.NotNull(queue.Document.QuerySelector($"[data-held='Note-{noteId}']"));

        var approved = await queue.SubmitAsync(staff.Client, $"/admin/screening/held/Note/{noteId}/approve", new Dictionary<string, string>());

        Assert.Null(approved.Document.QuerySelector($"[data-held='Note-{noteId}']"));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(noteUrl)).Status);
        Assert.Contains(word, await SearchAsync(member, word));
        Assert.DoesNotContain("waiting for review", (await author.GetAsync(noteUrl)).Text);
        Assert.Contains("screening.approve", await site.Services.WithDbAsync(db =>
            db.StaffAudit.Where(e => e.TargetKind == "Note" && e.TargetId == noteId).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_held_note_removed_from_the_queue_shows_its_author_the_rule_and_reason()
    {
        var word = NewWord();
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        await AddPhraseAsync(staff, word, "Hold");
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var noteUrl = (await author.SendNoteAsync(Composer.Fields(title: $"代购 {word}"), TestPhotos.Files(1))).Url;
        var noteId = noteUrl.Split('/').Last();

        await staff.SubmitAsync("/admin/screening", $"/admin/screening/held/Note/{noteId}/remove",
            new Dictionary<string, string> { ["rule"] = "ProhibitedGoods", ["reason"] = "No resale of medicine." });

        // A strike, as from the reports queue: the author is told by mail too.
        Assert.Contains("No resale of medicine.", await site.Services.WithDbAsync(db => db.EmailOutbox
            .Where(m => m.Recipient == authorPerson.Email.ToLower() && m.Purpose == "penalty").Select(m => m.TextBody).SingleAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(noteUrl)).Status);
        Assert.Contains("No resale of medicine.", (await author.GetAsync(noteUrl)).Text);
        Assert.Null((await staff.GetAsync("/admin/screening")).Document.QuerySelector($"[data-held='Note-{noteId}']"));
    }

    [Fact]
    public async Task A_held_comment_is_shown_to_its_author_only()
    {
        var word = NewWord();
        await AddPhraseAsync(await site.MemberWithRoleAsync(Person.New(), Roles.Staff), word, "Hold");
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await owner.PostNoteAsync("咖啡店推荐");
        var commenter = await site.ConfirmedMemberAsync(Person.New());

        var own = await (await commenter.GetAsync(noteUrl)).SubmitAsync(commenter.Client, $"{noteUrl}/comments",
            new Dictionary<string, string> { ["Body"] = $"这家店不错 {word}" });

        Assert.Contains(word, own.Text);
        Assert.Contains("Waiting for review", own.Text);
        Assert.DoesNotContain(word, (await owner.GetAsync(noteUrl)).Text);
        Assert.DoesNotContain(word, (await site.CreateVisitor().GetAsync(noteUrl)).Text);
    }

    [Fact]
    public async Task A_held_message_reaches_the_recipient_only_when_staff_approve_it()
    {
        var word = NewWord();
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        await AddPhraseAsync(staff, word, "Hold");
        var ming = await site.ChatterAsync("Ming");
        var hua = await site.ChatterAsync("Hua");
        await site.FollowsAsync(hua, ming);

        var sent = await ming.WriteAsync(hua, $"加我 {word} 聊");

        Assert.Contains("Waiting for review: not delivered yet.", sent.Text);
        Assert.Null((await hua.Visitor.GetAsync("/settings")).Badge());
        Assert.DoesNotContain(word, (await hua.Visitor.GetAsync("/messages")).Text);
        Assert.DoesNotContain(word, (await hua.Visitor.GetAsync(sent.Url)).Text);

        var messageId = await site.Services.WithDbAsync(db => db.Messages.Where(m => m.SenderId == ming.Id).Select(m => m.Id).SingleAsync());
        await staff.SubmitAsync("/admin/screening", $"/admin/screening/held/Message/{messageId}/approve", new Dictionary<string, string>());

        Assert.Equal("1", (await hua.Visitor.GetAsync("/settings")).Badge());
        Assert.Contains(word, (await hua.Visitor.GetAsync("/messages")).Text);
        Assert.Contains(word, (await hua.Visitor.GetAsync(sent.Url)).Text);
        Assert.DoesNotContain("not delivered", (await ming.Visitor.GetAsync(sent.Url)).Text);
    }

    [Fact]
    public async Task A_held_bio_leaves_the_previous_one_showing_until_approved()
    {
        var word = NewWord();
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        await AddPhraseAsync(staff, word, "Hold");
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        await member.SubmitAsync("/settings/profile", "/settings/profile", new Dictionary<string, string> { ["DisplayName"] = "小林", ["Bio"] = "爱喝咖啡" });

        var saved = await member.SubmitAsync("/settings/profile", "/settings/profile", new Dictionary<string, string> { ["DisplayName"] = "小林", ["Bio"] = $"合作加 {word}" });

        Assert.Contains("waiting for review", saved.Text);
        var profile = await site.CreateVisitor().GetAsync($"/u/{person.Handle}");
        Assert.Contains("爱喝咖啡", profile.Text);
        Assert.DoesNotContain(word, profile.Text);
        Assert.Contains(word, (await member.GetAsync("/settings/profile")).Html);

        var userId = await site.Services.WithDbAsync(db => db.Users.Where(u => u.Handle == person.Handle).Select(u => u.Id).SingleAsync());
        await staff.SubmitAsync("/admin/screening", $"/admin/screening/held/Profile/{userId}/approve", new Dictionary<string, string>());
        Assert.Contains(word, (await site.CreateVisitor().GetAsync($"/u/{person.Handle}")).Text);
    }

    [Fact]
    public async Task A_thread_and_reply_edited_into_held_text_show_it_neither_in_notices_nor_to_the_groups_moderators()
    {
        var word = NewWord();
        await AddPhraseAsync(await site.MemberWithRoleAsync(Person.New(), Roles.Staff), word, "Hold");
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var ownersThread = await owner.StartThreadAsync(groupId);
        var member = await site.ConfirmedMemberAsync(Person.New());
        await member.JoinGroupAsync(groupId);
        var membersThread = await member.StartThreadAsync(groupId, title: "周末去哪露营");
        var replyId = (await member.ReplyAsync(ownersThread, "好问题")).ReplyIdOf("好问题");
        await owner.SubmitAsync($"/groups/threads/{membersThread}", $"/groups/threads/{membersThread}/pin", new Dictionary<string, string> { ["Until"] = "" });
        var reporter = await site.ConfirmedMemberAsync(Person.New());
        await reporter.JoinGroupAsync(groupId);
        await reporter.SubmitAsync($"/groups/threads/{membersThread}", $"/groups/threads/{membersThread}/report", new Dictionary<string, string> { ["Category"] = "Spam" });
        await reporter.SubmitAsync($"/groups/threads/{ownersThread}", $"/groups/replies/{replyId}/report", new Dictionary<string, string> { ["Category"] = "Spam" });

        Assert.Contains("好问题", (await owner.GetAsync("/notifications")).Text);

        await member.SubmitAsync($"/groups/threads/{membersThread}/edit", $"/groups/threads/{membersThread}/edit",
            new Dictionary<string, string> { ["Title"] = $"周末去哪露营 {word}", ["Body"] = "求推荐" });
        await member.SubmitAsync($"/groups/replies/{replyId}/edit", $"/groups/replies/{replyId}/edit", new Dictionary<string, string> { ["Body"] = $"好问题 {word}" });

        Assert.Contains("好问题", await site.Services.WithDbAsync(db => db.GroupReplies.Where(r => r.Id == replyId && r.HeldAt != null).Select(r => r.Body).SingleAsync()));
        Assert.DoesNotContain(word, (await owner.GetAsync("/notifications")).Text);
        var log = await owner.GetAsync($"/groups/{groupId}/log");
        Assert.Contains($"#{membersThread}", log.Text);
        Assert.DoesNotContain(word, log.Text);
        var reports = await owner.GetAsync($"/groups/{groupId}/reports");
        Assert.Equal(2, reports.Document.QuerySelectorAll($"a[href^='/groups/threads/']").Count(a => a.TextContent.StartsWith('#')));
        Assert.DoesNotContain(word, reports.Text);
    }

    [Fact]
    public async Task Approving_a_held_message_pushes_it_to_the_recipients_open_page_and_badge()
    {
        var word = NewWord();
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        await AddPhraseAsync(staff, word, "Hold");
        var ming = await site.ChatterAsync();
        var hua = await site.ChatterAsync();
        await site.FollowsAsync(hua, ming);
        await using var huaLive = new HubConnectionBuilder()
            .WithUrl("https://localhost/messages/hub", options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(hua.Cookies) { InnerHandler = site.Server.CreateHandler() };
            })
            .Build();
        var arrivals = Channel.CreateUnbounded<long>();
        var badge = Channel.CreateUnbounded<int>();
        huaLive.On<long, long>("message", (_, message) => arrivals.Writer.TryWrite(message));
        huaLive.On<int>("unread", total => badge.Writer.TryWrite(total));
        await huaLive.StartAsync();
        await ming.WriteAsync(hua, $"加我 {word} 聊");
        var messageId = await site.Services.WithDbAsync(db => db.Messages.Where(m => m.SenderId == ming.Id).Select(m => m.Id).SingleAsync());

        await staff.SubmitAsync("/admin/screening", $"/admin/screening/held/Message/{messageId}/approve", new Dictionary<string, string>());

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound on a hang, not a timing assertion
        Assert.Equal(messageId, await arrivals.Reader.ReadAsync(wait.Token)); // the held send pushed nothing to Hua
        Assert.Equal(1, await badge.Reader.ReadAsync(wait.Token));
    }

    [Fact]
    public async Task A_held_comment_cannot_be_replied_to_or_liked_by_others_through_its_id()
    {
        var word = NewWord();
        await AddPhraseAsync(await site.MemberWithRoleAsync(Person.New(), Roles.Staff), word, "Hold");
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await owner.PostNoteAsync("咖啡店推荐");
        var commenter = await site.ConfirmedMemberAsync(Person.New());
        await (await commenter.GetAsync(noteUrl)).SubmitAsync(commenter.Client, $"{noteUrl}/comments", new Dictionary<string, string> { ["Body"] = $"这家店不错 {word}" });
        var noteId = long.Parse(noteUrl.Split('/').Last());
        var heldId = await site.Services.WithDbAsync(db => db.Comments.Where(c => c.NoteId == noteId && c.HeldAt != null).Select(c => c.Id).SingleAsync());

        var reply = await site.PostRawAsync(owner, $"{noteUrl}/comments", new Dictionary<string, string> { ["Body"] = "真的吗", ["ReplyToId"] = heldId.ToString() });
        var like = await site.PostRawAsync(owner, $"/comments/{heldId}/like");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (reply.StatusCode, like.StatusCode));
        Assert.Equal(1, await site.Services.WithDbAsync(db => db.Comments.CountAsync(c => c.NoteId == noteId)));
        Assert.False(await site.Services.WithDbAsync(db => db.CommentLikes.AnyAsync(l => l.CommentId == heldId)));
        await site.PostRawAsync(commenter, $"/comments/{heldId}/like");
        Assert.True(await site.Services.WithDbAsync(db => db.CommentLikes.AnyAsync(l => l.CommentId == heldId)));
    }

    [Fact]
    public async Task Names_with_nowhere_to_wait_for_review_are_refused_on_a_hold_phrase_as_on_a_block()
    {
        var word = NewWord();
        await AddPhraseAsync(await site.MemberWithRoleAsync(Person.New(), Roles.Staff), word, "Hold");
        var refusal = $"This contains “{word}”, which is not allowed here";
        var person = Person.New("枫叶生活馆", "b");
        var brand = await site.MemberWithRoleAsync(person, Roles.Brand);
        var shopId = await site.Services.WithDbAsync(async db => (await db.OpenShopAsync(person.DisplayName, await db.Users.SingleAsync(u => u.Email == person.Email))).Id);

        var group = await brand.SubmitAsync("/groups/new", "/groups/new",
            new Dictionary<string, string> { ["Name"] = "露营圈", ["Description"] = $"加 {word}", ["Rules"] = "友善", ["Channel"] = "travel" });
        var board = await brand.SubmitAsync("/boards/new", "/boards/new", new Dictionary<string, string> { ["Name"] = $"收藏 {word}" });
        var shop = await brand.SubmitAsync("/brand/settings", "/brand/settings", new Dictionary<string, string> { ["Name"] = "枫叶生活馆", ["Description"] = $"私聊 {word}" });
        var profile = await brand.SubmitAsync("/settings/profile", "/settings/profile",
            new Dictionary<string, string> { ["DisplayName"] = person.DisplayName, ["Bio"] = "", ["Region"] = $"上海 {word}" });
        var product = await (await brand.GetAsync("/brand/products/new")).SubmitMultipartAsync(brand.Client, "/brand/products/new",
            new Dictionary<string, string>
            {
                ["Title"] = "毛衣", ["Description"] = "软糯", ["Category"] = "fashion",
                ["Variants[0].Name"] = $"奶白 {word}", ["Variants[0].Price"] = "129", ["Variants[0].CompareAt"] = "", ["Variants[0].Stock"] = "5",
            }, TestPhotos.Files(1));

        Assert.All(new[] { group, board, shop, profile, product }, page => Assert.Contains(refusal, page.Text));
        await site.Services.WithDbAsync(async db =>
        {
            Assert.False(await db.Groups.AnyAsync(g => g.Description!.Contains(word)));
            Assert.False(await db.Boards.AnyAsync(b => b.Name.Contains(word)));
            Assert.DoesNotContain(word, await db.Shops.Where(s => s.Id == shopId).Select(s => s.Description).SingleAsync() ?? "");
            Assert.False(await db.Users.AnyAsync(u => u.Region!.Contains(word)));
            Assert.False(await db.ProductVariants.AnyAsync(v => v.Name.Contains(word)));
        });
    }

    [Fact]
    public async Task A_held_product_its_brand_archived_shows_its_text_nowhere_public()
    {
        var sharer = await site.ChatterAsync();
        var friend = await site.ChatterAsync();
        await site.FollowsAsync(sharer, friend);
        await site.FollowsAsync(friend, sharer);
        var word = NewWord();
        var productId = await site.Services.WithDbAsync(async db => (await db.ProductOnSaleAsync((await db.OpenShopAsync()).Id, title: $"保温杯 {word}")).Id);
        var share = await sharer.Visitor.GetAsync($"/messages/share?product={productId}");
        var sent = await share.SubmitAsync(sharer.Visitor.Client, "/messages/share", new Dictionary<string, string> { ["to"] = friend.Handle });
        Assert.Contains(word, (await friend.Visitor.GetAsync(sent.Url)).Text);

        await site.Services.WithDbAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Id == productId);
            product.Screen(new ScreeningVerdict(ScreenAction.Hold, word), DateTime.UtcNow);
            product.Archive(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/products/{productId}")).Status);
        Assert.DoesNotContain(word, (await friend.Visitor.GetAsync(sent.Url)).Text);
    }
}
