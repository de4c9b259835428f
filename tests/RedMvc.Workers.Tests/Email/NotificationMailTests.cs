using RedMvc.Domain.Email;
using RedMvc.Domain.Messages;
using RedMvc.Domain.Social;
using RedMvc.Domain.Notifications;
using RedMvc.Workers.Email;

namespace RedMvc.Workers.Tests.Email;

/// <summary>Notification mail against the real SMTP listener: batching, the daily digest, presence, refusals, and no mail twice.</summary>
public class NotificationMailTests
{
    private static readonly DateTime Now = MailDesk.Monday;

    [Fact]
    public async Task Several_events_in_the_wait_fold_into_one_mail_with_one_click_unsubscribe()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var note = await desk.NoteAsync(mia, "Hotpot in Chengdu");
        foreach (var name in new[] { "Ming", "Lan", "Bo" })
            await desk.NotifyAsync(NotificationKind.Comment, mia, await desk.MemberAsync(name), note, Now.AddMinutes(-8));

        Assert.Equal(1, await desk.RunBatchingAsync(Now));

        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Equal("3 new replies and mentions on RedMvc", mail.Subject);
        Assert.Contains("Ming commented on your note “Hotpot in Chengdu”", mail.TextBody);
        Assert.Contains("Lan commented on your note", mail.TextBody);
        Assert.Contains("Bo commented on your note", mail.TextBody);
        Assert.Contains($"https://red.example/notes/{note}", mail.TextBody);
        var unsubscribe = mail.Headers["List-Unsubscribe"];
        Assert.StartsWith("<https://red.example/unsubscribe/", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe!.Trim('<', '>'), mail.TextBody);
        Assert.Contains("https://red.example/email-preferences/", mail.HtmlBody);
    }

    [Fact]
    public async Task Unread_messages_in_accepted_chats_are_mailed_under_messages_and_a_strangers_request_is_not()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var friend = await desk.MemberAsync("Ming");
        var stranger = await desk.MemberAsync("Stranger");
        await host.Services.WithDbAsync(async db =>
        {
            db.Follows.Add(new Follow(mia.Id, friend.Id, Now.AddDays(-1)));
            await db.SaveChangesAsync();
            await Messaging.SendAsync(db, friend.Id, mia.Id, new MessageDraft("周末一起去露营吗？"), [], new MessageLimits(), Now.AddMinutes(-8));
            await Messaging.SendAsync(db, stranger.Id, mia.Id, new MessageDraft("buy followers cheap"), [], new MessageLimits(), Now.AddMinutes(-8));
        });

        Assert.Equal(1, await desk.RunBatchingAsync(Now));

        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Equal("1 new messages on RedMvc", mail.Subject);
        Assert.Contains("Ming sent you a message", mail.TextBody);
        Assert.DoesNotContain("Stranger", mail.TextBody);
        Assert.Contains("https://red.example/messages", mail.TextBody);
    }

    [Fact]
    public async Task A_note_the_member_may_no_longer_see_is_not_mailed_about()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var note = await desk.NoteAsync(mia, "Hotpot in Chengdu");
        var other = await desk.MemberAsync("Ming");
        var hidden = await host.Services.WithDbAsync(async db => (await db.PublishNoteAsync(other.Id, "Ming's secret", at: MailDesk.Monday.AddDays(-30))).Id);
        await desk.NotifyAsync(NotificationKind.Comment, mia, other, note, Now.AddMinutes(-8));
        await desk.NotifyAsync(NotificationKind.Mention, mia, other, hidden, Now.AddMinutes(-8));
        await host.Services.WithDbAsync(db => db.Notes.Where(n => n.Id == hidden)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Visibility, RedMvc.Domain.Notes.NoteVisibility.OnlyMe)));

        Assert.Equal(1, await desk.RunBatchingAsync(Now));

        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Contains("Hotpot in Chengdu", mail.TextBody);
        Assert.DoesNotContain("Ming's secret", mail.TextBody);
    }

    [Fact]
    public async Task A_note_held_after_its_event_was_chosen_goes_untitled_in_the_mail()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var ming = await desk.MemberAsync("Ming");
        var note = await desk.NoteAsync(ming, "Hotpot and vx");
        await desk.NotifyAsync(NotificationKind.Mention, mia, ming, note, Now.AddMinutes(-8));
        var mention = await host.Services.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == mia.Id).Select(n => new MailEvent
        {
            Id = n.Id, RecipientId = n.RecipientId, ActorId = n.ActorId, CreatedAt = n.CreatedAt, Kind = n.Kind, NoteId = n.NoteId,
        }).SingleAsync());
        var cursor = await host.Services.WithDbAsync(async db =>
        {
            await EmailPreferences.EnsureRowsAsync(db, mia.Id, MailCategories.OfEvents);
            return await db.EmailPreferences.Where(p => p.UserId == mia.Id && p.Category == MailCategory.RepliesAndMentions).Select(p => p.LastEventId).SingleAsync();
        });
        // Held after the job chose the event, before the mail is written.
        await host.Services.WithDbAsync(db => db.Notes.Where(n => n.Id == note).ExecuteUpdateAsync(s => s.SetProperty(n => n.HeldAt, Now)));

        await host.InScopeAsync(sp => sp.GetRequiredService<NotificationEmails>().AtOnceAsync(new MailRecipient(mia.Id, mia.Email!, mia.DisplayName, "en", null),
            new EventBatch(MailCategory.RepliesAndMentions, MailChoice.AtOnce, cursor, mention.Id, 1, [mention]), CancellationToken.None));

        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Contains("Ming", mail.TextBody);
        Assert.DoesNotContain("Hotpot and vx", mail.TextBody);
    }

    [Fact]
    public async Task At_once_waits_a_few_minutes_after_the_first_event_and_takes_what_came_meanwhile()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var note = await desk.NoteAsync(mia, "Tea");
        await desk.NotifyAsync(NotificationKind.Mention, mia, await desk.MemberAsync("Ming"), note, Now.AddMinutes(-2));

        Assert.Equal(0, await desk.RunBatchingAsync(Now));
        await desk.NotifyAsync(NotificationKind.Reply, mia, await desk.MemberAsync("Lan"), note, Now.AddMinutes(2));
        Assert.Equal(1, await desk.RunBatchingAsync(Now.AddMinutes(4)));

        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Contains("Ming mentioned you in “Tea”", mail.TextBody);
        Assert.Contains("Lan replied to your comment on “Tea”", mail.TextBody);
    }

    [Fact]
    public async Task The_job_run_twice_or_on_two_workers_at_once_sends_one_mail()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var note = await desk.NoteAsync(mia, "Tea");
        await desk.NotifyAsync(NotificationKind.Comment, mia, await desk.MemberAsync("Ming"), note, Now.AddMinutes(-10));

        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => desk.RunBatchingAsync(Now))));
        var again = await desk.RunBatchingAsync(Now.AddMinutes(30));

        Assert.Equal(1, together.Sum());
        Assert.Equal(0, again);
        Assert.Single(await desk.DeliverAsync(mia));
    }

    [Fact]
    public async Task Two_workers_that_read_the_same_cursor_mail_once_even_when_one_saw_a_later_event()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var note = await desk.NoteAsync(mia, "Tea");
        await desk.NotifyAsync(NotificationKind.Comment, mia, await desk.MemberAsync("Ming"), note, Now.AddMinutes(-10));
        await desk.NotifyAsync(NotificationKind.Comment, mia, await desk.MemberAsync("Lan"), note, Now.AddMinutes(-9));
        var events = await host.Services.WithDbAsync(db => MailEvents.UnreadOf(db, MailCategory.RepliesAndMentions).Where(e => e.RecipientId == mia.Id).OrderBy(e => e.Id).ToListAsync());
        await host.Services.WithDbAsync(db => EmailPreferences.EnsureRowsAsync(db, mia.Id, [MailCategory.RepliesAndMentions]));
        var recipient = new MailRecipient(mia.Id, mia.Email!, mia.DisplayName, "en", null);
        var first = new EventBatch(MailCategory.RepliesAndMentions, MailChoice.AtOnce, 0, events[0].Id, 1, [events[0]]);
        var later = new EventBatch(MailCategory.RepliesAndMentions, MailChoice.AtOnce, 0, events[1].Id, 2, [events[1], events[0]]);

        var queued = new List<bool>();
        foreach (var batch in new[] { first, later })
            queued.Add(await host.InScopeAsync(sp => sp.GetRequiredService<NotificationEmails>().AtOnceAsync(recipient, batch, CancellationToken.None)));

        Assert.Equal([true, false], queued);
        Assert.Single(await desk.DeliverAsync(mia));
    }

    [Fact]
    public async Task A_member_reading_the_site_is_not_mailed_and_what_they_read_never_is()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var note = await desk.NoteAsync(mia, "Tea");
        await desk.NotifyAsync(NotificationKind.Comment, mia, await desk.MemberAsync("Ming"), note, Now.AddMinutes(-10));
        await desk.SeenAsync(mia, Now.AddMinutes(-1));

        Assert.Equal(0, await desk.RunBatchingAsync(Now));
        await host.Services.WithDbAsync(db => Notifier.MarkReadAsync(db, mia.Id, null, null, Now));
        Assert.Equal(0, await desk.RunBatchingAsync(Now.AddHours(1)));
        Assert.Empty(await desk.DeliverAsync(mia));
    }

    [Fact]
    public async Task Nothing_goes_to_an_unconfirmed_address_or_after_unsubscribing()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var unconfirmed = await desk.MemberAsync("Mia", confirmed: false);
        var stopped = await desk.MemberAsync("Lan");
        var ming = await desk.MemberAsync("Ming");
        await desk.NotifyAsync(NotificationKind.Follow, unconfirmed, ming, null, Now.AddMinutes(-10));
        await desk.NotifyAsync(NotificationKind.Comment, stopped, ming, await desk.NoteAsync(stopped, "Tea"), Now.AddMinutes(-10));
        await desk.ChooseAsync(unconfirmed, MailCategory.NewFollowers, MailChoice.AtOnce);
        await host.Services.WithDbAsync(db => EmailPreferences.TurnOffAsync(db, stopped.Id, [MailCategory.RepliesAndMentions]));

        Assert.Equal(0, await desk.RunBatchingAsync(Now));
        Assert.Empty(await desk.DeliverAsync(unconfirmed));
        Assert.Empty(await desk.DeliverAsync(stopped));
    }

    [Fact]
    public async Task The_daily_digest_goes_at_the_members_evening_with_every_daily_category_in_one_mail()
    {
        await using var host = await WorkersHost.StartAsync(new() { ["Email:Notifications:DailyDigestHour"] = "19" });
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("小鹿", culture: "zh-CN"); // China: 19:00 there is 11:00 UTC
        var note = await desk.NoteAsync(mia, "火锅");
        var ming = await desk.MemberAsync("Ming");
        await desk.NotifyAsync(NotificationKind.Like, mia, ming, note, Now.AddHours(-3));
        await desk.NotifyAsync(NotificationKind.Collect, mia, await desk.MemberAsync("Lan"), note, Now.AddHours(-2));
        await desk.NotifyAsync(NotificationKind.Follow, mia, ming, null, Now.AddHours(-2));

        Assert.Equal(0, await desk.RunBatchingAsync(Now.AddHours(-1.5))); // 18:30 in China
        Assert.Equal(1, await desk.RunBatchingAsync(Now));
        Assert.Equal(0, await desk.RunBatchingAsync(Now.AddMinutes(30)));

        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Equal("今日 RedMvc：3 条新动态", mail.Subject);
        Assert.Contains("赞和收藏", mail.TextBody);
        Assert.Contains("Ming 赞了你的笔记「火锅」", mail.TextBody);
        Assert.Contains("Lan 收藏了你的笔记「火锅」", mail.TextBody);
        Assert.Contains("新增关注", mail.TextBody);
        Assert.Contains("Ming 开始关注你了", mail.TextBody);
        Assert.Contains("退订这类邮件", mail.TextBody);
    }

    [Fact]
    public async Task What_comes_after_the_digest_hour_waits_for_the_next_days_digest()
    {
        await using var host = await WorkersHost.StartAsync(new() { ["Email:Notifications:DailyDigestHour"] = "19" });
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var note = await desk.NoteAsync(mia, "Tea");
        await desk.NotifyAsync(NotificationKind.Like, mia, await desk.MemberAsync("Ming"), note, Now.AddMinutes(-30)); // 19:30 in China

        var sameEvening = await desk.RunBatchingAsync(Now);
        var nextMorning = await desk.RunBatchingAsync(Now.AddHours(14));
        var nextEvening = await desk.RunBatchingAsync(Now.AddDays(1));

        Assert.Equal([0, 0, 1], new[] { sameEvening, nextMorning, nextEvening });
        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Contains("Ming liked your note “Tea”", mail.TextBody);
    }

    [Fact]
    public async Task Unsubscribe_tokens_name_the_member_and_categories_and_refuse_forgeries()
    {
        await using var host = await WorkersHost.StartAsync();
        var links = host.Services.GetRequiredService<UnsubscribeLinks>();
        var token = links.UnsubscribeToken("member-1", [MailCategory.LikesAndCollects, MailCategory.NewFollowers]);

        var request = links.ReadUnsubscribe(token);
        Assert.NotNull(request);
        Assert.Equal("member-1", request.UserId);
        Assert.Equal([MailCategory.LikesAndCollects, MailCategory.NewFollowers], request.Categories);
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        Assert.Null(links.ReadUnsubscribe(tampered));
        Assert.Null(links.ReadUnsubscribe("not-a-token"));
        Assert.Null(links.ReadUnsubscribe(links.PreferencesToken("member-1"))); // one purpose never stands in for the other
        Assert.Equal("member-1", links.ReadPreferences(links.PreferencesToken("member-1")));
    }
}
