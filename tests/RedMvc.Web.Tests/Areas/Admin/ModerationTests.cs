using RedMvc.Domain.Moderation;
using RedMvc.Domain.Search;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

/// <summary>Reports through the member's form, decisions through the staff area, and what the public sees after.</summary>
[Collection(SiteCollection.Name)]
public class ModerationTests(RedMvcAppFactory site)
{
    private static string CommentIdOf(Visitor.Page page, string body) =>
        page.Document.QuerySelectorAll("li.comment").Last(li => li.QuerySelector(".comment__body")!.TextContent.Contains(body)).Id!["comment-".Length..];

    private static async Task<Visitor.Page> ReportAsync(Visitor member, string kind, string id, string category = "Harassment", string details = "") =>
        await member.SubmitAsync($"/report/{kind}/{id}", $"/report/{kind}/{id}", new Dictionary<string, string> { ["category"] = category, ["details"] = details });

    private static async Task<Visitor.Page> DecideAsync(Visitor staff, string target, string id, string action, string reason, string rule = "Harassment", string muteDays = "7")
    {
        var review = $"/admin/reports/{target}/{id}";
        return await staff.SubmitAsync(review, $"{review}/act", new Dictionary<string, string>
        {
            ["action"] = action, ["rule"] = rule, ["reason"] = reason, ["muteDays"] = muteDays,
        });
    }

    /// <summary>The search results' text once the index has what was written so far (the site's own index job may hold rows it claimed).</summary>
    private async Task<string> SearchAsync(Visitor visitor, string query, string? expected = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            await site.Services.WithDbAsync(async db => { while (await SearchIndexing.DrainAsync(db) > 0) { } });
            var page = await visitor.GetAsync($"/search?q={Uri.EscapeDataString(query)}");
            var found = page.Document.QuerySelector(".cards--feed")?.TextContent ?? "";
            if (expected is null || found.Contains(expected) || attempt == 50) return found;
            await Task.Delay(200);
        }
    }

    /// <summary>The one mail of this purpose queued for the person (staff decisions are account mail: always sent).</summary>
    private Task<RedMvc.Domain.Email.EmailOutboxMessage> MailAsync(Person person, string purpose) =>
        site.Services.WithDbAsync(db => db.EmailOutbox.SingleAsync(m => m.Recipient == person.Email.ToLower() && m.Purpose == purpose));

    [Fact]
    public async Task A_reported_comment_is_removed_with_a_reason_the_author_appeals_and_another_staff_member_restores_it_all_audited()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await owner.PostNoteAsync("露营装备清单");
        var rudePerson = Person.New();
        var rude = await site.ConfirmedMemberAsync(rudePerson);
        var page = await (await rude.GetAsync(noteUrl)).SubmitAsync(rude.Client, $"{noteUrl}/comments", new Dictionary<string, string> { ["Body"] = "你真是个笨蛋" });
        var commentId = CommentIdOf(page, "笨蛋");
        var reporter = await site.ConfirmedMemberAsync(Person.New());

        var reported = await ReportAsync(reporter, "comment", commentId, details: "在骂人");
        Assert.Contains("your report was sent", reported.Text);

        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        var queue = await staff.GetAsync("/admin/reports");
        Assert.NotNull(queue.Document.QuerySelector($"[data-target='Comment:{commentId}']"));
        var decided = await DecideAsync(staff, "Comment", commentId, "Remove", "Name-calling is not allowed here.");
        Assert.Equal("/admin/reports", decided.Url);
        Assert.Null(decided.Document.QuerySelector($"[data-target='Comment:{commentId}']"));

        var asVisitor = await site.CreateVisitor().GetAsync(noteUrl);
        Assert.DoesNotContain("笨蛋", asVisitor.Text);
        var asAuthor = await rude.GetAsync(noteUrl);
        Assert.Contains("你真是个笨蛋", asAuthor.Text);
        Assert.Contains("Name-calling is not allowed here.", asAuthor.Text);
        var notices = await rude.GetAsync("/notifications?tab=system");
        Assert.Contains("Staff took action", notices.Text);
        Assert.Contains("Staff reviewed a report you sent", (await reporter.GetAsync("/notifications?tab=system")).Text);
        Assert.Contains("removed", (await reporter.GetAsync("/settings/standing")).Document.QuerySelector("[data-reports]")!.TextContent);

        var standing = await rude.GetAsync("/settings/standing");
        Assert.Contains("Name-calling is not allowed here.", standing.Text);
        var warned = await MailAsync(rudePerson, "penalty");
        Assert.Contains("Name-calling is not allowed here.", warned.TextBody);
        Assert.Contains("https://localhost/settings/standing", warned.TextBody);
        var penaltyId = await site.Services.WithDbAsync(db => db.Penalties.Where(p => p.Target == ReportTarget.Comment && p.TargetId == commentId).Select(p => p.Id).SingleAsync());
        var appealed = await standing.SubmitAsync(rude.Client, $"/settings/standing/{penaltyId}/appeal", new Dictionary<string, string> { ["text"] = "我在和朋友开玩笑" });
        Assert.Contains("Your appeal is sent", appealed.Text);

        var ownAppeal = await staff.GetAsync("/admin/appeals");
        Assert.Empty(ownAppeal.Document.QuerySelectorAll($"form[action='/admin/appeals/{penaltyId}']"));
        var other = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        var overturned = await other.SubmitAsync("/admin/appeals", $"/admin/appeals/{penaltyId}", new Dictionary<string, string>
        {
            ["decision"] = "Overturned", ["reason"] = "Friends joking; no harm meant.",
        });
        Assert.Contains("The appeal was granted", overturned.Text);
        Assert.Contains("overturned the decision", (await MailAsync(rudePerson, "appeal-decided")).TextBody);

        Assert.Contains("你真是个笨蛋", (await site.CreateVisitor().GetAsync(noteUrl)).Text);
        var audit = await other.GetAsync($"/admin/audit?q=@{rudePerson.Handle}");
        Assert.Equal(["appeal.overturned", "comment.remove"], audit.Document.QuerySelectorAll("[data-audit] tr[data-action]").Select(r => r.GetAttribute("data-action")!));
    }

    [Fact]
    public async Task A_removed_note_is_a_404_and_out_of_every_list_for_others_while_its_author_sees_why()
    {
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var noteUrl = await author.PostNoteAsync("便宜药片批发");
        var noteId = noteUrl.Split('/').Last();
        var member = await site.ConfirmedMemberAsync(Person.New());
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(noteUrl)).Status); // kept for visitors, then evicted
        Assert.Contains("便宜药片批发", await SearchAsync(member, "药片批发", expected: "便宜药片批发"));
        await ReportAsync(member, "note", noteId, "ProhibitedGoods");

        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        await DecideAsync(staff, "Note", noteId, "Remove", "Selling medicine is not allowed.", rule: "ProhibitedGoods");

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(noteUrl)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(noteUrl)).Status);
        Assert.DoesNotContain("便宜药片批发", (await site.CreateVisitor().GetAsync($"/u/{authorPerson.Handle}")).Text);
        Assert.DoesNotContain("便宜药片批发", await SearchAsync(member, "药片批发"));
        var own = await author.GetAsync(noteUrl);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("Selling medicine is not allowed.", own.Text);
    }

    [Fact]
    public async Task A_muted_member_is_told_until_when_and_their_comment_is_not_saved()
    {
        var notePerson = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await notePerson.PostNoteAsync();
        var loudPerson = Person.New();
        var loud = await site.ConfirmedMemberAsync(loudPerson);
        var loudId = await site.IdOfAsync(loudPerson);
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        var decided = await DecideAsync(staff, "Profile", loudId, "Mute", "Spamming links in comments.", rule: "Spam", muteDays: "7");
        Assert.Equal("/admin/reports", decided.Url);

        var tried = await (await loud.GetAsync(noteUrl)).SubmitAsync(loud.Client, $"{noteUrl}/comments", new Dictionary<string, string> { ["Body"] = "买买买 http://spam" });

        Assert.Equal("/settings/standing", tried.Url);
        Assert.Contains("You are muted until", tried.Text);
        Assert.False(await site.Services.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorId == loudId)));
    }

    [Fact]
    public async Task A_reported_message_staff_remove_leaves_the_recipients_conversation_its_sender_sees_it_undelivered_and_restoring_brings_it_back()
    {
        var senderPerson = Person.New();
        var sender = await site.ConfirmedMemberAsync(senderPerson);
        var senderId = await site.IdOfAsync(senderPerson);
        var recipientPerson = Person.New();
        var recipient = await site.ConfirmedMemberAsync(recipientPerson);
        var recipientId = await site.IdOfAsync(recipientPerson);
        var (messageId, conversationId) = await site.Services.WithDbAsync(async db =>
        {
            var message = await Domain.Messages.Messaging.SendAsync(db, senderId, recipientId, new Domain.Messages.MessageDraft("你长得真丑"), [],
                new Domain.Messages.MessageLimits(), DateTime.UtcNow);
            await Report.FileAsync(db, recipientId, ReportTarget.Message, message.Id.ToString(), senderId, null, ReportCategory.Harassment, null, DateTime.UtcNow);
            return (message.Id, message.ConversationId);
        });
        Assert.Contains("你长得真丑", (await recipient.GetAsync($"/messages/{conversationId}")).Text);
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);

        await DecideAsync(staff, "Message", messageId.ToString(), "Remove", "Insults in private messages.");

        Assert.DoesNotContain("你长得真丑", (await recipient.GetAsync($"/messages/{conversationId}")).Text);
        Assert.DoesNotContain("你长得真丑", (await recipient.GetAsync("/messages")).Text);
        var asSender = await sender.GetAsync($"/messages/{conversationId}");
        Assert.Contains("你长得真丑", asSender.Text);
        Assert.Contains("Not delivered", asSender.Text);
        Assert.Contains("Insults in private messages.", (await MailAsync(senderPerson, "penalty")).TextBody);

        await DecideAsync(staff, "Message", messageId.ToString(), "Restore", "It was a joke between friends.");
        Assert.Contains("你长得真丑", (await recipient.GetAsync($"/messages/{conversationId}")).Text);
    }

    [Fact]
    public async Task A_reported_message_reaches_the_staff_queue_and_muting_its_sender_stops_their_messages_and_group_posts()
    {
        var senderPerson = Person.New();
        var sender = await site.ConfirmedMemberAsync(senderPerson);
        var senderId = await site.IdOfAsync(senderPerson);
        var recipientPerson = Person.New();
        var recipientId = (await site.ConfirmedMemberAsync(recipientPerson), await site.IdOfAsync(recipientPerson)).Item2;
        var messageId = await site.Services.WithDbAsync(async db =>
        {
            var message = await Domain.Messages.Messaging.SendAsync(db, senderId, recipientId, new Domain.Messages.MessageDraft("加我微信领红包"), [],
                new Domain.Messages.MessageLimits(), DateTime.UtcNow);
            await Report.FileAsync(db, recipientId, ReportTarget.Message, message.Id.ToString(), senderId, null, ReportCategory.Spam, null, DateTime.UtcNow);
            return message.Id;
        });
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);

        var queue = await staff.GetAsync("/admin/reports?kind=Message");
        Assert.Contains("加我微信领红包", queue.Document.QuerySelector($"[data-target='Message:{messageId}']")!.TextContent);
        await DecideAsync(staff, "Message", messageId.ToString(), "Mute", "Spam in private messages.", rule: "Spam", muteDays: "1");

        var tried = await sender.PostWithTokenAsync($"/messages/to/{recipientPerson.Handle}", new() { ["Body"] = "再发一次" });
        Assert.Equal("/settings/standing", tried.Url);
        Assert.Contains("You are muted until", tried.Text);
        Assert.Equal(1, await site.Services.WithDbAsync(db => db.Messages.CountAsync(m => m.SenderId == senderId)));
        var groupPost = await sender.PostWithTokenAsync("/groups/new", new() { ["Name"] = "刷屏小组" });
        Assert.Equal("/settings/standing", groupPost.Url);
    }

    [Fact]
    public async Task A_suspended_member_is_signed_out_at_the_next_request_cannot_sign_in_and_may_appeal_from_the_sign_in()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var noteUrl = await member.PostNoteAsync("我的第一篇笔记");
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);

        var done = await staff.SubmitAsync($"/admin/people/{person.Handle}", $"/admin/people/{person.Handle}/suspend",
            new Dictionary<string, string> { ["rule"] = "Spam", ["reason"] = "A network of spam accounts." });
        Assert.Contains("is suspended", done.Text);

        var mail = await MailAsync(person, "penalty");
        Assert.Equal("Your RedMvc account is suspended", mail.Subject);
        Assert.Contains("A network of spam accounts.", mail.TextBody);
        Assert.Contains("https://localhost/account/sign-in", mail.TextBody);

        var next = await member.GetAsync("/settings");
        Assert.Equal("/account/suspended", next.Url);
        Assert.StartsWith("/account/sign-in", (await member.GetAsync("/settings")).Url);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateVisitor().GetAsync(noteUrl)).Status);

        var signIn = await member.SignInAsync(person.Email);
        Assert.StartsWith("/account/suspended?token=", signIn.Url);
        Assert.Contains("A network of spam accounts.", signIn.Text);
        var form = signIn.Document.QuerySelector("form[action='/account/suspended/appeal']")!;
        var token = form.QuerySelector("input[name=token]")!.GetAttribute("value")!;
        var appealed = await signIn.SubmitAsync(member.Client, "/account/suspended/appeal", new Dictionary<string, string> { ["token"] = token, ["text"] = "这是我本人的账号" });
        Assert.Contains("Your appeal is sent", appealed.Text);
        Assert.StartsWith("/account/sign-in", (await member.GetAsync("/settings")).Url); // still no session

        var forged = await member.GetAsync("/account/suspended?token=forged");
        Assert.DoesNotContain("A network of spam accounts.", forged.Text);
        Assert.Empty(forged.Document.QuerySelectorAll("form[action='/account/suspended/appeal']"));
    }

    [Fact]
    public async Task A_note_with_limited_reach_leaves_the_feeds_but_keeps_its_address()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var word = "bait" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var title = $"限流测试 {word}"; // within the 20 characters of a title
        var noteUrl = await author.PostNoteAsync(title, channel: "travel");
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        Assert.Contains(title, await SearchAsync(site.CreateVisitor(), word, expected: title));

        await DecideAsync(staff, "Note", noteUrl.Split('/').Last(), "LimitReach", "Clickbait title.", rule: "Misleading");

        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(noteUrl)).Status);
        Assert.Contains("limited this note", (await author.GetAsync(noteUrl)).Text);
        Assert.True(await site.Services.WithDbAsync(db => db.Notes.AnyAsync(n => n.Title == title && n.ReachLimitedAt != null)));
        Assert.False(await site.Services.WithDbAsync(db => db.Notes.Where(NoteAccess.InPublicReach).AnyAsync(n => n.Title == title)));
        Assert.DoesNotContain(title, await SearchAsync(site.CreateVisitor(), word));
        Assert.Contains(title, await SearchAsync(author, word, expected: title)); // its author still finds it
    }

    [Fact]
    public async Task A_decision_without_a_reason_is_refused_with_a_message_and_changes_nothing()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await author.PostNoteAsync();
        var noteId = noteUrl.Split('/').Last();
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);

        var refused = await DecideAsync(staff, "Note", noteId, "Remove", "   ");

        Assert.Contains("Write the reason", refused.Text);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync(noteUrl)).Status);
        Assert.False(await site.Services.WithDbAsync(db => db.StaffAudit.AnyAsync(e => e.TargetKind == "Note" && e.TargetId == noteId)));
    }

    [Fact]
    public async Task Nobody_reports_what_they_may_not_see_or_themselves()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var hidden = await author.PostNoteAsync(visibility: "OnlyMe");
        var member = await site.ConfirmedMemberAsync(Person.New());

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/report/note/{hidden.Split('/').Last()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/report/note/999999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/report/thing/1")).Status);
        var own = await author.PostNoteAsync();
        var self = await ReportAsync(author, "note", own.Split('/').Last(), "Spam");
        Assert.Contains("can't report your own", self.Text);
    }

    [Fact]
    public async Task The_dashboard_draws_the_rollup_of_the_last_30_days()
    {
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RollupDailyStatsJob>().RunAsync(CancellationToken.None);
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);

        var dashboard = await staff.GetAsync("/admin");

        Assert.Equal(6, dashboard.Document.QuerySelectorAll("figure[data-chart] svg.chart").Length);
        Assert.Equal(RollupDailyStatsJob.Days + 1, dashboard.Document.QuerySelectorAll("[data-stats] tbody tr").Length);
        var signUpsToday = await site.Services.WithDbAsync(db => db.DailyStats.OrderByDescending(s => s.Day).Select(s => s.SignUps).FirstAsync());
        Assert.True(signUpsToday > 0);
    }
}
