using RedMvc.Domain.Messages;
using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Tests.Features.Messages;

/// <summary>The messages pages through real forms: chatting, requests from strangers, every refusal, and ids checked against the member.</summary>
[Collection(SiteCollection.Name)]
public class MessagesTests(RedMvcAppFactory site)
{
    private static long ConversationIdOf(Visitor.Page page) => long.Parse(page.Url.Split('/', '?', '#')[2]);

    [Fact]
    public async Task Two_members_chat_the_list_shows_the_last_message_and_unread_count_and_the_sender_sees_seen()
    {
        var ming = await site.ChatterAsync("Ming");
        var hua = await site.ChatterAsync("Hua");
        await site.FollowsAsync(hua, ming);

        var sent = await ming.WriteAsync(hua, "周末去爬山吗？");

        Assert.Matches(@"^/messages/\d+$", sent.Url);
        Assert.Contains("周末去爬山吗？", sent.Text);
        var home = await hua.Visitor.GetAsync("/settings");
        Assert.Equal("1", home.Badge());
        var list = await hua.Visitor.GetAsync("/messages");
        var row = list.Document.QuerySelector(".chat-row")!;
        Assert.Contains("Ming", row.TextContent);
        Assert.Contains("周末去爬山吗？", row.TextContent);
        Assert.Equal("1", row.QuerySelector(".count-badge")!.TextContent.Trim());
        Assert.DoesNotContain("Seen", (await ming.Visitor.GetAsync(sent.Url)).Text);

        var opened = await hua.Visitor.GetAsync(sent.Url);

        Assert.Contains("周末去爬山吗？", opened.Text);
        Assert.Null(opened.Badge());
        Assert.Null((await hua.Visitor.GetAsync("/messages")).Document.QuerySelector(".chat-row .count-badge"));
        Assert.Contains("Seen", (await ming.Visitor.GetAsync(sent.Url)).Document.QuerySelector("[data-seen]")?.TextContent);
    }

    [Fact]
    public async Task Seen_is_not_shown_when_the_reader_turned_read_receipts_off()
    {
        var writer = await site.ChatterAsync();
        var reader = await site.ChatterAsync();
        await site.FollowsAsync(reader, writer);
        await reader.Visitor.SubmitAsync("/settings/profile", "/settings/profile", new Dictionary<string, string> { ["HideReadReceipts"] = "true" });
        var sent = await writer.WriteAsync(reader, "在吗");

        await reader.Visitor.GetAsync(sent.Url);

        Assert.Null((await writer.Visitor.GetAsync(sent.Url)).Document.QuerySelector("[data-seen]"));
        Assert.True(await site.Services.WithDbAsync(db => db.Users.Where(u => u.Id == reader.Id).Select(u => u.HideReadReceipts).SingleAsync()));
    }

    [Fact]
    public async Task A_strangers_message_waits_in_requests_and_they_may_not_send_another_until_a_reply()
    {
        var stranger = await site.ChatterAsync("Stranger");
        var member = await site.ChatterAsync();

        var first = await stranger.WriteAsync(member, "你好，想问下这件外套");

        Assert.Empty((await member.Visitor.GetAsync("/messages")).Document.QuerySelectorAll(".chat-row"));
        Assert.Null((await member.Visitor.GetAsync("/settings")).Badge());
        var requests = await member.Visitor.GetAsync("/messages/requests");
        Assert.Contains("你好，想问下这件外套", requests.Document.QuerySelector(".chat-row")!.TextContent);
        var again = await stranger.Visitor.GetAsync(first.Url);
        Assert.Null(again.Document.QuerySelector("form[data-composer]"));
        Assert.Contains("until they reply or follow you back", again.Text);
        var forced = await stranger.Visitor.PostWithTokenAsync(first.Url, new() { ["Body"] = "再问一次" });
        Assert.Contains("until they reply or follow you back", forced.Text);
        Assert.Equal(1, await site.MessageCountAsync(stranger));

        await member.WriteAsync(stranger, "你好，可以的");

        Assert.Single((await member.Visitor.GetAsync("/messages")).Document.QuerySelectorAll(".chat-row"));
        Assert.Empty((await member.Visitor.GetAsync("/messages/requests")).Document.QuerySelectorAll(".chat-row"));
        await stranger.WriteAsync(member, "谢谢");
        Assert.Equal(2, await site.MessageCountAsync(stranger));
    }

    [Fact]
    public async Task A_member_who_refuses_strangers_cannot_be_written_to_by_one()
    {
        var stranger = await site.ChatterAsync();
        var member = await site.ChatterAsync(refuseStrangers: true);

        var page = await stranger.Visitor.GetAsync($"/messages/to/{member.Handle}");
        var forced = await stranger.Visitor.PostWithTokenAsync($"/messages/to/{member.Handle}", new() { ["Body"] = "hi" });

        Assert.Null(page.Document.QuerySelector("form[data-composer]"));
        Assert.Contains("only takes messages from people they follow", page.Text);
        Assert.Contains("only takes messages from people they follow", forced.Text);
        Assert.Equal(0, await site.MessageCountAsync(stranger));
    }

    [Theory]
    [InlineData("", "Write something, or add a photo.")]
    [InlineData("   \u200B ", "Write something, or add a photo.")]
    [InlineData("long", "at most 1000 characters")]
    public async Task A_message_with_nothing_in_it_or_too_long_is_refused_and_the_text_kept(string body, string error)
    {
        var one = await site.ChatterAsync();
        var other = await site.ChatterAsync();
        await site.FollowsAsync(other, one);
        if (body == "long") body = new string('长', 1001);

        var page = await one.WriteAsync(other, body);

        Assert.Contains(error, page.Document.QuerySelector("[data-composer-error]")!.TextContent);
        if (body.Length > 100) Assert.Equal(body, page.Document.QuerySelector("textarea[name=Body]")!.TextContent);
        Assert.Equal(0, await site.MessageCountAsync(one));
    }

    [Fact]
    public async Task A_message_with_more_than_nine_photos_is_refused_and_one_with_two_shows_them()
    {
        var one = await site.ChatterAsync();
        var other = await site.ChatterAsync();
        await site.FollowsAsync(other, one);
        var form = await one.Visitor.GetAsync($"/messages/to/{other.Handle}");

        var refused = await form.SubmitMultipartAsync(one.Visitor.Client, $"/messages/to/{other.Handle}", [new("Body", "十张")], TestPhotos.Files(10));
        Assert.Contains("at most 9 photos", refused.Text);
        Assert.Equal(0, await site.MessageCountAsync(one));

        var sent = await form.SubmitMultipartAsync(one.Visitor.Client, $"/messages/to/{other.Handle}", [new("Body", "两张")], TestPhotos.Files(2));

        var bubble = (await other.Visitor.GetAsync(sent.Url)).Document.QuerySelector(".bubble")!;
        Assert.Equal(2, bubble.QuerySelectorAll(".photo").Length);
        Assert.Equal(2, await site.Services.WithDbAsync(db => db.MessagePhotos.CountAsync(p => db.Messages.Any(m => m.Id == p.MessageId && m.SenderId == one.Id))));
    }

    [Fact]
    public async Task A_block_either_way_closes_the_conversation_for_both()
    {
        var one = await site.ChatterAsync();
        var other = await site.ChatterAsync();
        await site.FollowsAsync(other, one);
        var sent = await one.WriteAsync(other, "hello");
        await site.Services.WithDbAsync(db => Blocking.BlockAsync(db, other.Id, one.Id, DateTime.UtcNow));

        var page = await one.Visitor.GetAsync(sent.Url);
        var forced = await one.Visitor.PostWithTokenAsync(sent.Url, new() { ["Body"] = "still there?" });
        var reply = await other.Visitor.PostWithTokenAsync(sent.Url, new() { ["Body"] = "no" });

        Assert.Null(page.Document.QuerySelector("form[data-composer]"));
        Assert.Contains("one of you blocked the other", forced.Text);
        Assert.Contains("one of you blocked the other", reply.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await one.Visitor.GetAsync($"/messages/to/{other.Handle}")).Status);
        Assert.Equal(1, await site.MessageCountAsync(one));
        Assert.Equal(0, await site.MessageCountAsync(other));
    }

    [Fact]
    public async Task A_deleted_account_keeps_no_messages_and_gets_none()
    {
        var leaving = await site.ChatterAsync();
        var staying = await site.ChatterAsync();
        await site.FollowsAsync(staying, leaving);
        await site.FollowsAsync(leaving, staying);
        var sent = await staying.WriteAsync(leaving, "保重");
        await leaving.WriteAsync(staying, "再见");

        await site.Services.WithDbAsync(db => AccountErasure.EraseAsync(db, leaving.Id, DateTime.UtcNow));

        var page = await staying.Visitor.GetAsync(sent.Url);
        Assert.Contains("Deleted account", page.Document.QuerySelector(".chat__name")!.TextContent);
        Assert.Contains("保重", page.Text);
        Assert.DoesNotContain("再见", page.Text);
        Assert.Null(page.Document.QuerySelector("form[data-composer]"));
        var forced = await staying.Visitor.PostWithTokenAsync(sent.Url, new() { ["Body"] = "还在吗" });
        Assert.Contains("This account has been deleted", forced.Text);
        Assert.Equal(1, await site.MessageCountAsync(staying));
    }

    [Fact]
    public async Task Someone_outside_a_conversation_gets_404_for_every_address_of_it()
    {
        var one = await site.ChatterAsync();
        var other = await site.ChatterAsync();
        var outsider = await site.ChatterAsync();
        await site.FollowsAsync(other, one);
        var sent = await one.WriteAsync(other, "私密");
        var id = ConversationIdOf(sent);
        var messageId = await site.Services.WithDbAsync(db => db.Messages.Where(m => m.ConversationId == id).Select(m => m.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Visitor.GetAsync($"/messages/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Visitor.GetAsync($"/messages/{id}/after/0")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Visitor.GetAsync($"/messages/{id}/report/{messageId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Visitor.PostWithTokenAsync($"/messages/{id}", new() { ["Body"] = "hi" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Visitor.PostWithTokenAsync($"/messages/{id}/delete")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Visitor.PostWithTokenAsync($"/messages/{id}/report/{messageId}", new() { ["Category"] = "Spam" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await one.Visitor.GetAsync($"/messages/{id}/report/{messageId}")).Status); // one's own message
        Assert.Equal(HttpStatusCode.NotFound, (await one.Visitor.GetAsync($"/messages/{id + 1000000}")).Status);
        Assert.DoesNotContain("私密", (await outsider.Visitor.GetAsync("/messages")).Text);
        Assert.Equal(1, await site.MessageCountAsync(one));
        var visitor = await site.CreateVisitor().GetAsync($"/messages/{id}");
        Assert.StartsWith("/account/sign-in", visitor.Url);
    }

    [Fact]
    public async Task The_earlier_link_pages_back_by_message_id_and_the_catch_up_returns_exactly_what_follows_an_id()
    {
        var one = await site.ChatterAsync();
        var other = await site.ChatterAsync();
        await site.FollowsAsync(other, one);
        var ids = new List<long>();
        for (var i = 1; i <= 35; i++) ids.Add((await site.SentAsync(one, other, $"第{i}条")).Id);
        var conversation = (await site.Services.WithDbAsync(db => db.Messages.SingleAsync(m => m.Id == ids[0]))).ConversationId;

        var latest = await other.Visitor.GetAsync($"/messages/{conversation}");
        var shown = latest.Document.QuerySelectorAll("[data-message-id]").Select(e => long.Parse(e.GetAttribute("data-message-id")!)).ToList();
        Assert.Equal(ids[5..], shown);
        var earlierLink = latest.Document.QuerySelector(".chat__earlier a")!.GetAttribute("href")!;
        var earlier = await other.Visitor.GetAsync(earlierLink);
        Assert.Equal(ids[..5], earlier.Document.QuerySelectorAll("[data-message-id]").Select(e => long.Parse(e.GetAttribute("data-message-id")!)).ToList());
        Assert.Null(earlier.Document.QuerySelector(".chat__earlier"));

        var after = await other.Visitor.GetAsync($"/messages/{conversation}/after/{ids[31]}");
        Assert.Equal(ids[32..], after.Document.QuerySelectorAll("[data-message-id]").Select(e => long.Parse(e.GetAttribute("data-message-id")!)).ToList());
    }

    [Fact]
    public async Task The_list_pages_back_by_the_newest_message_of_each_conversation()
    {
        var member = await site.ChatterAsync();
        var writers = await site.Services.WithDbAsync(db => db.AddMembersAsync(31));
        await site.Services.WithDbAsync(async db =>
        {
            db.Follows.AddRange(writers.Select(w => new Follow(member.Id, w.Id, DateTime.UtcNow)));
            await db.SaveChangesAsync();
        });
        // Two rounds, so message ids run ahead of conversation ids; then the oldest conversation gets the newest message.
        foreach (var writer in writers.Concat(writers))
            await site.Services.WithDbAsync(db => Messaging.SendAsync(db, writer.Id, member.Id, new MessageDraft("来自 " + writer.Handle), [], new MessageLimits(), DateTime.UtcNow));
        await site.Services.WithDbAsync(db => Messaging.SendAsync(db, member.Id, writers[0].Id, new MessageDraft("回复"), [], new MessageLimits(), DateTime.UtcNow));

        var first = await member.Visitor.GetAsync("/messages");
        var rows = first.Document.QuerySelectorAll(".chat-row").Select(r => r.TextContent).ToList();
        var next = await member.Visitor.GetAsync(first.Document.QuerySelector(".notices__more a")!.GetAttribute("href")!);

        Assert.Equal(30, rows.Count);
        Assert.Contains(writers[0].DisplayName, rows[0]);
        var rest = next.Document.QuerySelectorAll(".chat-row").Select(r => r.TextContent).ToList();
        Assert.Single(rest);
        Assert.Contains(writers[1].DisplayName, rest[0]);
    }

    [Fact]
    public async Task Deleting_a_chat_hides_it_for_me_only_until_a_new_message_comes()
    {
        var one = await site.ChatterAsync();
        var other = await site.ChatterAsync();
        await site.FollowsAsync(other, one);
        var sent = await one.WriteAsync(other, "旧消息");

        var page = await other.Visitor.GetAsync(sent.Url);
        var deleted = await page.SubmitAsync(other.Visitor.Client, $"{sent.Url}/delete", new Dictionary<string, string>());

        Assert.Equal("/messages", deleted.Url);
        Assert.Empty(deleted.Document.QuerySelectorAll(".chat-row"));
        Assert.Contains("旧消息", (await one.Visitor.GetAsync(sent.Url)).Text);
        await one.WriteAsync(other, "新消息");
        var back = await other.Visitor.GetAsync(sent.Url);
        Assert.Contains("新消息", back.Text);
        Assert.DoesNotContain("旧消息", back.Text);
    }

    [Fact]
    public async Task Reporting_a_message_files_one_report_for_staff()
    {
        var troll = await site.ChatterAsync();
        var member = await site.ChatterAsync();
        var sent = await troll.WriteAsync(member, "买粉丝加我");
        var id = ConversationIdOf(sent);
        var messageId = await site.Services.WithDbAsync(db => db.Messages.Where(m => m.ConversationId == id).Select(m => m.Id).SingleAsync());
        var conversation = await member.Visitor.GetAsync($"/messages/{id}");
        var reportUrl = conversation.Document.QuerySelector(".bubble__report")!.GetAttribute("href")!;

        var form = await member.Visitor.GetAsync(reportUrl);
        var unchosen = await member.Visitor.PostWithTokenAsync(reportUrl, new() { ["Details"] = "spam" });
        Assert.Contains("Choose what is wrong", unchosen.Text);
        Assert.Equal(7, form.Document.QuerySelectorAll("input[type=radio][name=Category]").Length);
        var filed = await member.Visitor.PostWithTokenAsync(reportUrl, new() { ["Category"] = "Spam", ["Details"] = "广告" });

        Assert.Equal($"/messages/{id}", filed.Url);
        var report = await site.Services.WithDbAsync(db => db.Reports.SingleAsync(r => r.ReporterId == member.Id));
        Assert.Equal((ReportTarget.Message, messageId.ToString(), troll.Id, ReportCategory.Spam), (report.Target, report.TargetId, report.TargetAuthorId, report.Category));
    }

    [Fact]
    public async Task A_note_is_sent_into_a_chat_as_a_card_and_only_a_note_the_member_may_see()
    {
        var author = await site.ChatterAsync();
        var sharer = await site.ChatterAsync();
        var friend = await site.ChatterAsync("Friend");
        await site.FollowsAsync(sharer, friend);
        await site.FollowsAsync(friend, sharer);
        var note = await site.Services.WithDbAsync(db => db.PublishNoteAsync(author.Id, "三亚旅行攻略"));
        var hidden = await site.Services.WithDbAsync(db => db.PublishNoteAsync(author.Id, "只给互关看", visibility: NoteVisibility.MutualFollowers));

        var share = await sharer.Visitor.GetAsync($"/messages/share?note={note.Id}");
        Assert.Contains("Friend", share.Text);
        var sent = await share.SubmitAsync(sharer.Visitor.Client, "/messages/share", new Dictionary<string, string> { ["to"] = friend.Handle });

        var card = (await friend.Visitor.GetAsync(sent.Url)).Document.QuerySelector(".bubble__card")!;
        Assert.Equal($"/notes/{note.Id}", card.GetAttribute("href"));
        Assert.Contains("三亚旅行攻略", card.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await sharer.Visitor.GetAsync($"/messages/share?note={hidden.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await sharer.Visitor.PostWithTokenAsync("/messages/share", new() { ["to"] = friend.Handle, ["note"] = hidden.Id.ToString() })).Status);
    }

    [Fact]
    public async Task The_pages_speak_chinese()
    {
        var one = await site.ChatterAsync();
        var other = await site.ChatterAsync();
        var chinese = site.CreateVisitor("zh-CN");
        await chinese.SignInAsync(one.User.Email!);

        var list = await chinese.GetAsync("/messages");
        var compose = await chinese.GetAsync($"/messages/to/{other.Handle}");

        Assert.Contains("陌生人消息", list.Text);
        Assert.Contains("还没有消息", list.Text);
        Assert.Contains("发送", compose.Text);
    }
}
