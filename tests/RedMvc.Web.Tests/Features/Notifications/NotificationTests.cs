using AngleSharp.Dom;
using RedMvc.Domain.Notifications;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class NotificationTests(RedMvcAppFactory site)
{
    private static long NoteIdOf(string noteUrl) => long.Parse(noteUrl.Split('/')[2]);

    private static async Task<Visitor.Page> CommentAsync(Visitor member, string noteUrl, string body, string? replyToId = null)
    {
        var fields = new Dictionary<string, string> { ["Body"] = body };
        if (replyToId is not null) fields["ReplyToId"] = replyToId;
        return await member.SubmitAsync(noteUrl, $"{noteUrl}/comments", fields);
    }

    private static string CommentIdOf(Visitor.Page page, string body) =>
        page.Document.QuerySelectorAll("li.comment").Last(li => li.QuerySelector(".comment__body")!.TextContent.Contains(body)).Id!["comment-".Length..];

    private static Task<Visitor.Page> PressAsync(Visitor member, string pageUrl, string formAction) =>
        member.SubmitAsync(pageUrl, formAction, new Dictionary<string, string>());

    private static async Task<IReadOnlyList<IElement>> NoticesAsync(Visitor member, string tab) =>
        (await member.GetAsync($"/notifications?tab={tab}")).Document.QuerySelectorAll(".notice").ToList();

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string? Badge(Visitor.Page page, string which) => page.Document.QuerySelector($"[data-unread='{which}']")?.TextContent.Trim();

    private async Task<int> NotificationCountAsync(string recipientId, NotificationKind? kind = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Notifications.CountAsync(n => n.RecipientId == recipientId && (kind == null || n.Kind == kind));
    }

    [Fact]
    public async Task A_like_notifies_the_author_once_even_after_liking_unliking_and_liking_again()
    {
        var authorPerson = Person.New();
        var fanPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var url = await author.PostNoteAsync();

        await PressAsync(fan, url, $"{url}/like");
        await PressAsync(fan, url, $"{url}/unlike");
        await PressAsync(fan, url, $"{url}/like");

        var notice = Assert.Single(await NoticesAsync(author, "likes"));
        Assert.Contains($"{fanPerson.DisplayName} liked your note", Squash(notice.TextContent));
        Assert.Equal(url, notice.QuerySelector(".notice__what a")!.GetAttribute("href"));
        Assert.Equal(1, await NotificationCountAsync(await site.IdOfAsync(authorPerson)));
    }

    [Fact]
    public async Task Nobody_is_notified_of_their_own_actions()
    {
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var url = await author.PostNoteAsync(body: $"我自己 @{authorPerson.Handle}");

        await PressAsync(author, url, $"{url}/like");
        var page = await CommentAsync(author, url, $"自言自语 @{authorPerson.Handle}");
        await CommentAsync(author, url, "再回复自己", CommentIdOf(page, "自言自语"));

        Assert.Equal(0, await NotificationCountAsync(await site.IdOfAsync(authorPerson)));
        Assert.Null(Badge(await author.GetAsync("/"), "total"));
    }

    [Fact]
    public async Task Comments_replies_and_mentions_in_comments_land_in_the_comments_tab()
    {
        var authorPerson = Person.New();
        var commenterPerson = Person.New();
        var friendPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var commenter = await site.ConfirmedMemberAsync(commenterPerson);
        var friend = await site.ConfirmedMemberAsync(friendPerson);
        var url = await author.PostNoteAsync("通知测试");

        var page = await CommentAsync(commenter, url, $"好看！快来看 @{friendPerson.Handle}");
        var commentId = CommentIdOf(page, "好看");
        page = await CommentAsync(author, url, "谢谢喜欢", commentId);
        var replyId = CommentIdOf(page, "谢谢喜欢");

        var toAuthor = Assert.Single(await NoticesAsync(author, "comments"));
        Assert.Contains($"{commenterPerson.DisplayName} commented on your note", Squash(toAuthor.TextContent));
        Assert.Contains("好看！快来看", toAuthor.QuerySelector(".notice__excerpt")!.TextContent);
        Assert.Equal($"{url}#comment-{commentId}", toAuthor.QuerySelector(".notice__what a")!.GetAttribute("href"));
        Assert.Contains("通知测试", toAuthor.QuerySelector(".notice__meta")!.TextContent);

        var toFriend = Assert.Single(await NoticesAsync(friend, "comments"));
        Assert.Contains($"{commenterPerson.DisplayName} mentioned you in a comment", Squash(toFriend.TextContent));

        var toCommenter = Assert.Single(await NoticesAsync(commenter, "comments"));
        Assert.Contains($"{authorPerson.DisplayName} replied to your comment", Squash(toCommenter.TextContent));
        Assert.Contains("谢谢喜欢", toCommenter.QuerySelector(".notice__excerpt")!.TextContent);
        Assert.Equal($"{url}#comment-{replyId}", toCommenter.QuerySelector(".notice__what a")!.GetAttribute("href"));

        Assert.Empty(await NoticesAsync(author, "likes"));
        Assert.Empty(await NoticesAsync(friend, "follows"));
    }

    [Fact]
    public async Task A_note_mentioning_someone_notifies_them_once_when_it_is_published()
    {
        var authorPerson = Person.New();
        var friendPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var friend = await site.ConfirmedMemberAsync(friendPerson);

        var url = await author.PostNoteAsync("通知测试", $"和 @{friendPerson.Handle} 一起吃火锅", action: "Draft");
        Assert.Empty(await NoticesAsync(friend, "comments"));

        var edit = await author.GetAsync($"{url}/edit");
        var fields = Composer.Fields("通知测试", $"和 @{friendPerson.Handle} 一起吃火锅");
        fields["KeepPhotoIds"] = edit.Document.QuerySelector("input[name='KeepPhotoIds']")!.GetAttribute("value")!;
        await edit.SubmitMultipartAsync(author.Client, $"{url}/edit", fields, []);
        edit = await author.GetAsync($"{url}/edit"); // saving the published note again tells nobody twice
        await edit.SubmitMultipartAsync(author.Client, $"{url}/edit", fields, []);

        var notice = Assert.Single(await NoticesAsync(friend, "comments"));
        Assert.Contains($"{authorPerson.DisplayName} mentioned you in a note", Squash(notice.TextContent));
        Assert.Equal(url, notice.QuerySelector(".notice__what a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_scheduled_note_notifies_its_mentions_when_the_job_publishes_it_and_only_once()
    {
        var friendPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(Person.New());
        await site.ConfirmedMemberAsync(friendPerson);
        var friendId = await site.IdOfAsync(friendPerson);
        var at = DateTime.UtcNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm");
        var id = NoteIdOf(await author.PostNoteAsync(body: $"明天见 @{friendPerson.Handle}", action: "Schedule", scheduleAt: at));
        Assert.Equal(0, await NotificationCountAsync(friendId));

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ScheduledFor, DateTime.UtcNow.AddMinutes(-1)));
        }
        foreach (var _ in new[] { 1, 2 })
        {
            await using var scope = site.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<PublishScheduledNotesJob>();
            await job.PublishAsync(id, CancellationToken.None);
            await job.PublishAllDueAsync(CancellationToken.None);
        }

        Assert.Equal(1, await NotificationCountAsync(friendId, NotificationKind.Mention));
    }

    [Fact]
    public async Task Only_people_who_may_see_the_note_hear_of_a_mention_in_it()
    {
        var authorPerson = Person.New();
        var mutualPerson = Person.New();
        var fanPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var mutual = await site.ConfirmedMemberAsync(mutualPerson);
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            string Id(Person p) => db.Users.Single(u => u.Email == p.Email).Id;
            db.Follows.AddRange(
                new Follow(Id(mutualPerson), Id(authorPerson), DateTime.UtcNow),
                new Follow(Id(authorPerson), Id(mutualPerson), DateTime.UtcNow),
                new Follow(Id(fanPerson), Id(authorPerson), DateTime.UtcNow)); // not followed back
            await db.SaveChangesAsync();
        }

        await author.PostNoteAsync(body: $"只有我 @{mutualPerson.Handle} @{fanPerson.Handle}", visibility: "OnlyMe");
        Assert.Null(Badge(await mutual.GetAsync("/"), "total"));
        Assert.Null(Badge(await fan.GetAsync("/"), "total"));

        await author.PostNoteAsync(body: $"互关可见 @{mutualPerson.Handle} @{fanPerson.Handle}", visibility: "MutualFollowers");
        Assert.Equal("1", Badge(await mutual.GetAsync("/"), "total"));
        Assert.Contains("mentioned you in a note", Squash(Assert.Single(await NoticesAsync(mutual, "comments")).TextContent));
        Assert.Null(Badge(await fan.GetAsync("/"), "total"));
        Assert.Empty(await NoticesAsync(fan, "comments"));
    }

    [Fact]
    public async Task New_followers_land_in_the_follows_tab_with_a_follow_back_button()
    {
        var authorPerson = Person.New();
        var fanPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var fan = await site.ConfirmedMemberAsync(fanPerson);

        await PressAsync(fan, $"/u/{authorPerson.Handle}", $"/u/{authorPerson.Handle}/follow");
        await PressAsync(fan, $"/u/{authorPerson.Handle}", $"/u/{authorPerson.Handle}/unfollow");
        await PressAsync(fan, $"/u/{authorPerson.Handle}", $"/u/{authorPerson.Handle}/follow");

        var notice = Assert.Single(await NoticesAsync(author, "follows"));
        Assert.Contains($"{fanPerson.DisplayName} started following you", Squash(notice.TextContent));
        var back = await PressAsync(author, "/notifications?tab=follows", $"/u/{fanPerson.Handle}/follow");

        Assert.Equal("/notifications?tab=follows", back.Url);
        Assert.Null(back.Document.QuerySelector($"form[action='/u/{fanPerson.Handle}/follow']"));
        Assert.Contains("Following", back.Document.QuerySelector(".notice")!.TextContent);
        Assert.Contains("started following you", Squash(Assert.Single(await NoticesAsync(fan, "follows")).TextContent));
    }

    [Fact]
    public async Task Likes_on_one_note_are_grouped_as_the_latest_liker_and_the_number_of_others()
    {
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var id = NoteIdOf(await author.PostNoteAsync());
        var likers = await site.Services.WithDbAsync(async db =>
        {
            var members = await db.AddMembersAsync(13);
            var start = DateTime.UtcNow;
            for (var i = 0; i < members.Count; i++) await NoteLikes.LikeAsync(db, id, members[i].Id, start.AddSeconds(i));
            return members;
        });

        var page = await author.GetAsync("/notifications?tab=likes");

        var notice = Assert.Single(page.Document.QuerySelectorAll(".notice"));
        Assert.Contains($"{likers[^1].DisplayName} and 12 others liked your note", Squash(notice.TextContent));
        var avatars = notice.QuerySelectorAll(".notice__avatars a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(likers.TakeLast(3).Reverse().Select(u => $"/u/{u.Handle}"), avatars);
    }

    [Fact]
    public async Task Unread_counts_show_for_the_recipient_only_and_drop_once_the_tab_is_opened()
    {
        var authorPerson = Person.New();
        var fanPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var url = await author.PostNoteAsync();
        await PressAsync(fan, url, $"{url}/like");
        await CommentAsync(fan, url, "第一条评论");
        await PressAsync(fan, $"/u/{authorPerson.Handle}", $"/u/{authorPerson.Handle}/follow");

        var home = await author.GetAsync("/");
        Assert.Equal("3", Badge(home, "total"));
        Assert.Null(Badge(await fan.GetAsync("/"), "total"));

        var likes = await author.GetAsync("/notifications?tab=likes");
        Assert.NotNull(likes.Document.QuerySelector(".notice.notice--unread"));
        Assert.Equal("2", Badge(likes, "total"));
        Assert.Null(Badge(likes, "likes"));
        Assert.Equal("1", Badge(likes, "comments"));
        Assert.Equal("1", Badge(likes, "follows"));

        var again = await author.GetAsync("/notifications?tab=likes");
        Assert.Null(again.Document.QuerySelector(".notice--unread"));
        Assert.Single(again.Document.QuerySelectorAll(".notice"));

        var allRead = await again.SubmitAsync(author.Client, "/notifications/read", new Dictionary<string, string>());
        Assert.Equal("/notifications?tab=likes", allRead.Url);
        Assert.Null(Badge(allRead, "total"));
        Assert.Null(Badge(allRead, "comments"));
    }

    [Fact]
    public async Task The_badge_shows_99_plus_above_ninety_nine()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var memberId = await site.IdOfAsync(person);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Notifications.AddRange(Enumerable.Range(0, 120).Select(i =>
                Notification.About(NotificationKind.Follow, memberId, $"actor-{Guid.NewGuid():N}", null, null, DateTime.UtcNow)));
            await db.SaveChangesAsync();
        }

        var home = await member.GetAsync("/");

        Assert.Equal("99+", Badge(home, "total"));
        Assert.Equal("Notifications, 120 unread", home.Document.QuerySelector("a.icon-btn--bell")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_blocked_person_notifies_nobody_and_what_they_did_before_the_block_disappears()
    {
        var blockerPerson = Person.New();
        var blockedPerson = Person.New();
        var blocker = await site.ConfirmedMemberAsync(blockerPerson);
        var blocked = await site.ConfirmedMemberAsync(blockedPerson);
        var thirdParty = await site.ConfirmedMemberAsync(Person.New());
        var blockerNote = await blocker.PostNoteAsync();
        var otherNote = await thirdParty.PostNoteAsync();
        await PressAsync(blocked, blockerNote, $"{blockerNote}/like");
        Assert.Single(await NoticesAsync(blocker, "likes"));

        await PressAsync(blocker, $"/u/{blockedPerson.Handle}", $"/u/{blockedPerson.Handle}/block");
        await CommentAsync(blocked, otherNote, $"你看 @{blockerPerson.Handle}");

        Assert.Empty(await NoticesAsync(blocker, "likes"));
        Assert.Empty(await NoticesAsync(blocker, "comments"));
        Assert.Equal(0, await NotificationCountAsync(await site.IdOfAsync(blockerPerson)));
    }

    [Fact]
    public async Task A_member_only_ever_sees_their_own_notifications()
    {
        var authorPerson = Person.New();
        var fanPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var fan = await site.ConfirmedMemberAsync(fanPerson);
        var other = await site.ConfirmedMemberAsync(Person.New());
        var url = await author.PostNoteAsync();
        await PressAsync(fan, url, $"{url}/like");

        foreach (var tab in new[] { "comments", "likes", "follows" })
            Assert.DoesNotContain(fanPerson.DisplayName, (await other.GetAsync($"/notifications?tab={tab}")).Text);
        Assert.Null(Badge(await other.GetAsync("/"), "total"));
        var token = (await other.GetAsync("/")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        await other.Client.PostAsync("/notifications/read", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])); // marks only their own

        Assert.Equal("1", Badge(await author.GetAsync("/"), "total"));
        var visitor = await site.CreateVisitor().GetAsync("/notifications?tab=likes");
        Assert.StartsWith("/account/sign-in", visitor.Url);
    }

    [Fact]
    public async Task Notifications_about_a_deleted_comment_or_note_are_left_out()
    {
        var authorPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        var fan = await site.ConfirmedMemberAsync(Person.New());
        var url = await author.PostNoteAsync();
        var page = await CommentAsync(fan, url, "马上删掉");
        await PressAsync(fan, url, $"{url}/like");

        await page.SubmitAsync(fan.Client, $"/comments/{CommentIdOf(page, "马上删掉")}/delete", new Dictionary<string, string>());
        Assert.Empty(await NoticesAsync(author, "comments"));
        Assert.Single(await NoticesAsync(author, "likes"));

        await PressAsync(author, url, $"{url}/delete");
        Assert.Empty(await NoticesAsync(author, "likes"));
    }

    [Fact]
    public async Task Collects_and_comment_likes_show_in_the_likes_tab_with_what_they_were_about()
    {
        var authorPerson = Person.New();
        var fanPerson = Person.New();
        var author = await site.ConfirmedMemberAsync(authorPerson);
        await site.ConfirmedMemberAsync(fanPerson);
        var url = await author.PostNoteAsync();
        var commentId = long.Parse(CommentIdOf(await CommentAsync(author, url, "作者的评论"), "作者的评论"));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (authorId, fanId) = (await site.IdOfAsync(authorPerson), await site.IdOfAsync(fanPerson));
            await Notifier.NotifyAsync(db, Notification.About(NotificationKind.Collect, authorId, fanId, NoteIdOf(url), null, DateTime.UtcNow));
            await Notifier.NotifyAsync(db, Notification.About(NotificationKind.CommentLike, authorId, fanId, NoteIdOf(url), commentId, DateTime.UtcNow));
        }

        var notices = await NoticesAsync(author, "likes");

        Assert.Equal(2, notices.Count);
        Assert.Contains($"{fanPerson.DisplayName} liked your comment", Squash(notices[0].TextContent));
        Assert.Contains("作者的评论", notices[0].QuerySelector(".notice__excerpt")!.TextContent);
        Assert.Equal($"{url}#comment-{commentId}", notices[0].QuerySelector(".notice__what a")!.GetAttribute("href"));
        Assert.Contains($"{fanPerson.DisplayName} collected your note", Squash(notices[1].TextContent));
    }

    [Fact]
    public async Task A_long_tab_pages_from_the_newest_to_the_oldest()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var memberId = await site.IdOfAsync(person);
        var followers = await site.Services.WithDbAsync(async db =>
        {
            var members = await db.AddMembersAsync(31);
            foreach (var follower in members) await Following.FollowAsync(db, follower.Id, memberId, DateTime.UtcNow);
            return members;
        });

        var first = await member.GetAsync("/notifications?tab=follows");
        var more = first.Document.QuerySelector("a.notices__more")!.GetAttribute("href")!;
        var second = await member.GetAsync(more);

        Assert.Equal(30, first.Document.QuerySelectorAll(".notice").Length);
        Assert.Contains(followers[^1].DisplayName, first.Document.QuerySelector(".notice")!.TextContent);
        Assert.Contains(followers[0].DisplayName, Assert.Single(second.Document.QuerySelectorAll(".notice")).TextContent);
        Assert.Null(second.Document.QuerySelector("a.notices__more"));
    }
}
