namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class CommentTests(RedMvcAppFactory site)
{
    private static Task<Visitor.Page> CommentAsync(Visitor member, string noteUrl, string body, string? replyToId = null) =>
        member.GetAsync(noteUrl).ContinueWith(async page =>
        {
            var fields = new Dictionary<string, string> { ["Body"] = body };
            if (replyToId is not null) fields["ReplyToId"] = replyToId;
            return await (await page).SubmitAsync(member.Client, $"{noteUrl}/comments", fields);
        }).Unwrap();

    private static string IdOf(Visitor.Page page, string body) =>
        page.Document.QuerySelectorAll("li.comment").Last(li => li.QuerySelector(".comment__body")!.TextContent.Contains(body)).Id!["comment-".Length..];

    [Fact]
    public async Task Replies_are_two_levels_deep_and_the_count_follows()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var ann = await site.ConfirmedMemberAsync(Person.New());
        var bo = await site.ConfirmedMemberAsync(Person.New());

        var page = await CommentAsync(ann, url, "第一条评论");
        page = await CommentAsync(bo, url, "回复第一条", IdOf(page, "第一条评论"));
        page = await CommentAsync(ann, url, "回复回复", IdOf(page, "回复第一条"));

        var top = page.Document.QuerySelectorAll(".comments__list > li.comment");
        Assert.Single(top);
        Assert.Equal(2, top[0].QuerySelectorAll(".comments__replies > li").Length);
        Assert.Empty(page.Document.QuerySelectorAll(".comments__replies .comments__replies"));
        Assert.Contains("Comments (3)", page.Text);
    }

    [Fact]
    public async Task Nobody_deletes_another_persons_comment_on_someone_elses_note_but_the_note_author_may()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var url = await owner.PostNoteAsync();
        var ann = await site.ConfirmedMemberAsync(Person.New());
        var stranger = await site.ConfirmedMemberAsync(Person.New());
        var commentId = IdOf(await CommentAsync(ann, url, "别删我"), "别删我");

        var strangerPage = await stranger.GetAsync(url);
        Assert.Null(strangerPage.Document.QuerySelector($"form[action='/comments/{commentId}/delete']"));
        var token = strangerPage.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var refused = await stranger.Client.PostAsync($"/comments/{commentId}/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("别删我", (await stranger.GetAsync(url)).Text);

        var ownerPage = await owner.GetAsync(url);
        var deleted = await ownerPage.SubmitAsync(owner.Client, $"/comments/{commentId}/delete", new Dictionary<string, string>());
        Assert.DoesNotContain("别删我", deleted.Text);
        Assert.Contains("Comments (0)", deleted.Text);
    }

    [Fact]
    public async Task Comments_come_twenty_to_a_page()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var talker = await site.ConfirmedMemberAsync(Person.New());
        for (var i = 1; i <= 21; i++) await CommentAsync(talker, url, $"评论 {i:00}");

        var first = await talker.GetAsync(url);
        Assert.Equal(20, first.Document.QuerySelectorAll(".comments__list > li").Length);
        Assert.Contains("评论 21", first.Document.QuerySelector(".comments__list > li")!.TextContent); // newest first
        var older = await talker.GetAsync(first.Document.QuerySelector("a[href*='comments=']")!.GetAttribute("href")!);
        Assert.Single(older.Document.QuerySelectorAll(".comments__list > li"));
        Assert.Contains("评论 01", older.Text);
    }

    [Fact]
    public async Task An_empty_comment_is_refused_with_a_message()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var member = await site.ConfirmedMemberAsync(Person.New());
        var page = await CommentAsync(member, url, "   ");
        Assert.Contains("A comment can't be empty.", page.Text);
    }

    [Fact]
    public async Task A_comment_like_counts_once_and_can_be_taken_back()
    {
        var url = await (await site.ConfirmedMemberAsync(Person.New())).PostNoteAsync();
        var ann = await site.ConfirmedMemberAsync(Person.New());
        var bo = await site.ConfirmedMemberAsync(Person.New());
        var id = IdOf(await CommentAsync(ann, url, "点赞我"), "点赞我");

        var before = await bo.GetAsync(url);
        await before.SubmitAsync(bo.Client, $"/comments/{id}/like", new Dictionary<string, string>());
        await before.SubmitAsync(bo.Client, $"/comments/{id}/like", new Dictionary<string, string>()); // a second click from the stale page
        var page = await bo.GetAsync(url);
        var button = page.Document.QuerySelector($"#comment-{id} .comment__like")!;
        Assert.Equal("1", button.TextContent.Trim());
        Assert.Equal("true", button.GetAttribute("aria-pressed"));

        page = await page.SubmitAsync(bo.Client, $"/comments/{id}/unlike", new Dictionary<string, string>());
        Assert.Equal("0", page.Document.QuerySelector($"#comment-{id} .comment__like")!.TextContent.Trim());
    }

    [Fact]
    public async Task Nobody_likes_a_comment_on_a_note_they_may_not_see()
    {
        var owner = await site.ConfirmedMemberAsync(Person.New());
        var form = await owner.GetAsync("/notes/new");
        var fields = new Dictionary<string, string> { ["Title"] = "只给自己", ["Channel"] = "food", ["Visibility"] = "OnlyMe", ["Action"] = "Publish" };
        var url = (await form.SubmitMultipartAsync(owner.Client, "/notes/new", fields, TestPhotos.Files(1))).Url;
        var id = IdOf(await CommentAsync(owner, url, "自己的评论"), "自己的评论");
        var stranger = await site.ConfirmedMemberAsync(Person.New());

        var token = (await stranger.GetAsync("/")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var refused = await stranger.Client.PostAsync($"/comments/{id}/like", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("0", (await owner.GetAsync(url)).Document.QuerySelector($"#comment-{id} .comment__like")!.TextContent.Trim());
    }
}
