using RedMvc.Domain.Groups;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class GroupTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task Members_join_ask_a_question_reply_with_a_quote_and_the_author_accepts_an_answer()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync("周末露营 " + Guid.NewGuid().ToString("N")[..6]);
        var asker = await site.ConfirmedMemberAsync(Person.New());
        var helper = await site.ConfirmedMemberAsync(Person.New());
        Assert.Contains("You joined the group.", (await asker.JoinGroupAsync(groupId)).Text);
        await helper.JoinGroupAsync(groupId);

        var threadId = await asker.StartThreadAsync(groupId, "下雨天怎么搭天幕？", "第一次露营 #露营", kind: "Question");
        var first = await helper.ReplyAsync(threadId, "天幕要斜着搭");
        var firstId = first.ReplyIdOf("天幕要斜着搭");
        var second = await owner.ReplyAsync(threadId, "同意，还要多带地钉", quote: firstId);
        Assert.Contains("Replying to", second.Document.QuerySelector($"#reply-{second.ReplyIdOf("多带地钉")} .quote")!.TextContent);

        var accepted = await (await asker.GetAsync($"/groups/threads/{threadId}")).SubmitAsync(asker.Client, $"/groups/threads/{threadId}/accept",
            new Dictionary<string, string> { ["replyId"] = firstId.ToString() });
        Assert.Contains("天幕要斜着搭", accepted.Document.QuerySelector(".answer")!.TextContent);
        Assert.Contains("Answered", accepted.Text);

        // A visitor reads a public group and its thread; the helper hears of the answer and the quote.
        var visitor = site.CreateVisitor();
        Assert.Contains("下雨天怎么搭天幕？", (await visitor.GetAsync($"/groups/{groupId}")).Text);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/groups/threads/{threadId}")).Status);
        var notices = await helper.GetAsync("/notifications");
        Assert.Contains("accepted your reply as the answer", notices.Text);
        Assert.Contains("replied to you", notices.Text);
    }

    [Fact]
    public async Task A_private_groups_threads_are_a_404_until_a_moderator_lets_one_in()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync(isPrivate: true);
        var threadId = await owner.StartThreadAsync(groupId, "只给成员看", "秘密");
        var person = Person.New();
        var asker = await site.ConfirmedMemberAsync(person);

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync($"/groups/threads/{threadId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await asker.GetAsync($"/groups/threads/{threadId}")).Status);
        var groupPage = await asker.GetAsync($"/groups/{groupId}");
        Assert.Equal(HttpStatusCode.NotFound, groupPage.Status);
        Assert.DoesNotContain("只给成员看", groupPage.Text);

        Assert.Contains("Your request was sent", (await asker.JoinGroupAsync(groupId)).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await asker.GetAsync($"/groups/threads/{threadId}")).Status);
        var askerId = await site.IdOfAsync(person);
        await owner.SubmitAsync($"/groups/{groupId}/members", $"/groups/{groupId}/members/approve", new Dictionary<string, string> { ["UserId"] = askerId });

        Assert.Contains("秘密", (await asker.GetAsync($"/groups/threads/{threadId}")).Text);
        Assert.Contains("let you into", (await asker.GetAsync("/notifications?tab=follows")).Text); // the kind lives on the "new followers" tab (NotificationKind)
    }

    [Fact]
    public async Task A_muted_member_is_told_until_when_and_nothing_is_saved()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        await member.JoinGroupAsync(groupId);
        var before = await member.GetAsync($"/groups/threads/{threadId}");
        await owner.SubmitAsync($"/groups/{groupId}/members", $"/groups/{groupId}/members/mute",
            new Dictionary<string, string> { ["UserId"] = await site.IdOfAsync(person), ["Days"] = "2" });

        var refused = await before.SubmitAsync(member.Client, $"/groups/threads/{threadId}/reply", new Dictionary<string, string> { ["Body"] = "我被禁言了吗" });
        Assert.Contains("You are muted in this group until", refused.Text);
        Assert.DoesNotContain("我被禁言了吗", (await owner.GetAsync($"/groups/threads/{threadId}")).Text);
        Assert.Equal(0, await site.Services.WithDbAsync(db => db.GroupReplies.CountAsync(r => r.ThreadId == threadId)));
    }

    [Fact]
    public async Task A_banned_member_cannot_post_or_join_again()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        await member.JoinGroupAsync(groupId);
        await owner.SubmitAsync($"/groups/{groupId}/members", $"/groups/{groupId}/members/ban",
            new Dictionary<string, string> { ["UserId"] = await site.IdOfAsync(person), ["Reason"] = "spam" });

        Assert.Contains("You are banned from this group", (await member.GetAsync($"/groups/{groupId}")).Text);
        var response = await site.PostRawAsync(member, $"/groups/{groupId}/threads/new", new() { ["Title"] = "广告", ["Body"] = "买买买", ["Kind"] = "Discussion" });
        Assert.Contains("You are banned from this group.", await response.Content.ReadAsStringAsync());
        Assert.False(await site.Services.WithDbAsync(db => db.GroupThreads.AnyAsync(t => t.GroupId == groupId && t.Title == "广告")));
        await site.PostRawAsync(member, $"/groups/{groupId}/join");
        Assert.Equal(MemberStatus.Banned, await site.Services.WithDbAsync(async db =>
            (await db.GroupMembers.SingleAsync(m => m.GroupId == groupId && m.UserId == db.Users.Single(u => u.Email == person.Email).Id)).Status));
    }

    [Fact]
    public async Task A_closed_thread_refuses_replies_with_a_message()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        var member = await site.ConfirmedMemberAsync(Person.New());
        await member.JoinGroupAsync(groupId);
        var open = await member.GetAsync($"/groups/threads/{threadId}");
        await owner.SubmitAsync($"/groups/threads/{threadId}", $"/groups/threads/{threadId}/close", new Dictionary<string, string>());

        var refused = await open.SubmitAsync(member.Client, $"/groups/threads/{threadId}/reply", new Dictionary<string, string> { ["Body"] = "还能回复吗" });
        Assert.Contains("This thread is closed", refused.Text);
        Assert.Null(refused.Document.QuerySelector($"form[action='/groups/threads/{threadId}/reply']"));
        Assert.Equal(0, await site.Services.WithDbAsync(db => db.GroupReplies.CountAsync(r => r.ThreadId == threadId)));
    }

    [Fact]
    public async Task Closing_a_thread_ends_editing_its_replies()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        var member = await site.ConfirmedMemberAsync(Person.New());
        await member.JoinGroupAsync(groupId);
        var replyId = (await member.ReplyAsync(threadId, "我带了两个睡袋")).ReplyIdOf("两个睡袋");
        var edit = await member.GetAsync($"/groups/replies/{replyId}/edit");
        await owner.SubmitAsync($"/groups/threads/{threadId}", $"/groups/threads/{threadId}/close", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/groups/replies/{replyId}/edit")).Status);
        var refused = await edit.SubmitAsync(member.Client, $"/groups/replies/{replyId}/edit", new Dictionary<string, string> { ["Body"] = "改成三个" });
        Assert.Contains("This can no longer be edited.", refused.Text);
        Assert.Equal("我带了两个睡袋", await site.Services.WithDbAsync(db => db.GroupReplies.Where(r => r.Id == replyId).Select(r => r.Body).SingleAsync()));
    }

    [Fact]
    public async Task A_pin_date_or_slow_mode_that_does_not_parse_is_refused_not_taken_as_for_good_or_off()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        await owner.SubmitAsync($"/groups/{groupId}/members", $"/groups/{groupId}/slow-mode", new Dictionary<string, string> { ["minutes"] = "10" });

        var pinned = await owner.SubmitAsync($"/groups/threads/{threadId}", $"/groups/threads/{threadId}/pin", new Dictionary<string, string> { ["Until"] = "next tuesday" });
        Assert.Contains("Choose a day from today to five years on.", pinned.Text);
        var past = await owner.SubmitAsync($"/groups/threads/{threadId}", $"/groups/threads/{threadId}/pin", new Dictionary<string, string> { ["Until"] = "2001-01-01" });
        Assert.Contains("Choose a day from today to five years on.", past.Text);
        Assert.Null(await site.Services.WithDbAsync(db => db.GroupThreads.Where(t => t.Id == threadId).Select(t => t.PinnedAt).SingleAsync()));
        var slow = await owner.SubmitAsync($"/groups/{groupId}/members", $"/groups/{groupId}/slow-mode", new Dictionary<string, string> { ["minutes"] = "ten" });
        Assert.Contains("Slow mode is 0 to 1440 minutes.", slow.Text);
        Assert.Equal(10, await site.Services.WithDbAsync(db => db.Groups.Where(g => g.Id == groupId).Select(g => g.SlowModeMinutes).SingleAsync()));
    }

    [Fact]
    public async Task A_thread_moves_only_to_a_group_its_moderator_moderates()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var otherGroup = await (await site.ConfirmedMemberAsync(Person.New())).CreateGroupAsync();
        var ownSecondGroup = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);

        var refused = await owner.SubmitAsync($"/groups/threads/{threadId}", $"/groups/threads/{threadId}/move", new Dictionary<string, string> { ["toGroupId"] = otherGroup.ToString() });
        Assert.Contains("another group you moderate", refused.Text);
        Assert.Equal(groupId, await site.Services.WithDbAsync(db => db.GroupThreads.Where(t => t.Id == threadId).Select(t => t.GroupId).SingleAsync()));

        await owner.SubmitAsync($"/groups/threads/{threadId}", $"/groups/threads/{threadId}/move", new Dictionary<string, string> { ["toGroupId"] = ownSecondGroup.ToString() });
        Assert.Equal(ownSecondGroup, await site.Services.WithDbAsync(db => db.GroupThreads.Where(t => t.Id == threadId).Select(t => t.GroupId).SingleAsync()));
    }

    [Fact]
    public async Task A_removed_reply_shows_its_author_the_reason_and_others_a_placeholder()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        var author = await site.ConfirmedMemberAsync(Person.New());
        await author.JoinGroupAsync(groupId);
        var replyId = (await author.ReplyAsync(threadId, "加我微信买装备")).ReplyIdOf("加我微信买装备");

        await owner.SubmitAsync($"/groups/threads/{threadId}", $"/groups/replies/{replyId}/remove", new Dictionary<string, string> { ["reason"] = "不许引流" });

        var seenByAuthor = await author.GetAsync($"/groups/threads/{threadId}");
        Assert.Contains("不许引流", seenByAuthor.Text);
        var seenByVisitor = await site.CreateVisitor().GetAsync($"/groups/threads/{threadId}");
        Assert.DoesNotContain("加我微信买装备", seenByVisitor.Text);
        Assert.Contains("Removed by a moderator", seenByVisitor.Text);
        var log = await owner.GetAsync($"/groups/{groupId}/log");
        Assert.Contains("removed a reply", log.Text);
        Assert.Contains("不许引流", log.Text);
    }

    [Fact]
    public async Task A_deleted_reply_keeps_its_place_and_its_edit_shows_edited()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        var page = await owner.ReplyAsync(threadId, "初稿");
        var replyId = page.ReplyIdOf("初稿");

        var edited = await owner.SubmitAsync($"/groups/replies/{replyId}/edit", $"/groups/replies/{replyId}/edit", new Dictionary<string, string> { ["Body"] = "改好了" });
        Assert.Contains("edited", edited.Document.QuerySelector($"#reply-{replyId}")!.TextContent);
        var deleted = await edited.SubmitAsync(owner.Client, $"/groups/replies/{replyId}/delete", new Dictionary<string, string>());
        Assert.Contains("Deleted by the author", deleted.Document.QuerySelector($"#reply-{replyId}")!.TextContent);
        Assert.DoesNotContain("改好了", deleted.Text);
    }

    [Fact]
    public async Task Replies_by_someone_blocked_either_way_are_hidden()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        var troll = Person.New();
        var trollVisitor = await site.ConfirmedMemberAsync(troll);
        await trollVisitor.JoinGroupAsync(groupId);
        await trollVisitor.ReplyAsync(threadId, "我来捣乱");
        var reader = await site.ConfirmedMemberAsync(Person.New());
        Assert.Contains("我来捣乱", (await reader.GetAsync($"/groups/threads/{threadId}")).Text);

        await reader.SubmitAsync($"/u/{troll.Handle}", $"/u/{troll.Handle}/block", new Dictionary<string, string>());
        Assert.DoesNotContain("我来捣乱", (await reader.GetAsync($"/groups/threads/{threadId}")).Text);
    }

    [Fact]
    public async Task Replies_come_in_keyset_pages_and_a_returning_member_jumps_to_the_first_unread()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var threadId = await owner.StartThreadAsync(groupId);
        var talker = await site.Services.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == groupId).Select(m => m.UserId).SingleAsync());
        await site.Services.WithDbAsync(async db =>
        {
            foreach (var i in Enumerable.Range(1, 31))
                db.GroupReplies.Add(GroupReply.To(threadId, talker, $"回复 {i:00}", null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        var first = await owner.GetAsync($"/groups/threads/{threadId}");
        Assert.Equal(30, first.Document.QuerySelectorAll("li.reply").Length);
        var later = await owner.GetAsync(first.Document.QuerySelector("a[rel='next']")!.GetAttribute("href")!);
        Assert.Single(later.Document.QuerySelectorAll("li.reply"));
        Assert.Contains("回复 31", later.Text);

        var reader = await site.ConfirmedMemberAsync(Person.New());
        await reader.GetAsync($"/groups/threads/{threadId}"); // reads the first 30
        var back = await reader.GetAsync($"/groups/threads/{threadId}");
        var jump = back.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Jump to first unread"));
        var unread = await reader.GetAsync(jump.GetAttribute("href")!);
        Assert.Contains("回复 31", unread.Document.QuerySelector("li.reply")!.TextContent);
    }

    [Fact]
    public async Task An_empty_or_over_long_thread_is_refused_next_to_the_field()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var page = await owner.SubmitAsync($"/groups/{groupId}/threads/new", $"/groups/{groupId}/threads/new",
            new Dictionary<string, string> { ["Title"] = " ", ["Body"] = new string('长', 5001), ["Kind"] = "Discussion" });
        Assert.Equal("Give the thread a title.", page.FieldError("Title"));
        Assert.Equal("A post can be at most 5000 characters.", page.FieldError("Body"));
        Assert.Equal(0, await site.Services.WithDbAsync(db => db.GroupThreads.CountAsync(t => t.GroupId == groupId)));
    }

    [Fact]
    public async Task A_thread_takes_up_to_nine_photos_made_by_the_image_pipeline()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var groupId = await owner.CreateGroupAsync();
        var form = await owner.GetAsync($"/groups/{groupId}/threads/new");
        var tooMany = await form.SubmitMultipartAsync(owner.Client, $"/groups/{groupId}/threads/new",
            new Dictionary<string, string> { ["Title"] = "十张图", ["Body"] = "太多了", ["Kind"] = "Discussion" }, TestPhotos.Files(10));
        Assert.Equal("A thread can have at most 9 photos.", tooMany.FieldError("Photos"));

        var posted = await (await owner.GetAsync($"/groups/{groupId}/threads/new")).SubmitMultipartAsync(owner.Client, $"/groups/{groupId}/threads/new",
            new Dictionary<string, string> { ["Title"] = "营地照片", ["Body"] = "两张", ["Kind"] = "Discussion" }, TestPhotos.Files(2));
        var threadId = long.Parse(posted.Url.Split('/')[^1]);
        Assert.Equal(2, posted.Document.QuerySelectorAll(".post__photos li").Length);

        // The images queue makes the sizes; the page then shows pictures instead of "processing".
        for (var i = 0; i < 100 && !await site.Services.WithDbAsync(db => db.GroupThreadPhotos.Where(p => p.ThreadId == threadId).AllAsync(p => p.IsReady)); i++)
            await Task.Delay(200);
        Assert.Equal(2, (await owner.GetAsync($"/groups/threads/{threadId}")).Document.QuerySelectorAll(".post__photos picture").Length);
    }
}
