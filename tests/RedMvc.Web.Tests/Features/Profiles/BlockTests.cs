namespace RedMvc.Web.Tests;

public class BlockTests
{
    [Fact]
    public async Task A_blocked_person_cannot_see_follow_or_comment_on_the_blocker_and_the_feeds_part()
    {
        using var site = new RedMvcAppFactory();
        var blockerPerson = Person.New();
        var blockedPerson = Person.New();
        var blocker = await site.ConfirmedMemberAsync(blockerPerson);
        var blocked = await site.ConfirmedMemberAsync(blockedPerson);
        var blockerNote = await blocker.PostNoteAsync("甲的午餐");
        await blocked.PostNoteAsync("乙的晚餐");
        Assert.Equal(HttpStatusCode.OK, (await blocked.PostWithTokenAsync($"/u/{blockerPerson.Handle}/follow")).Status);

        var profile = await blocker.GetAsync($"/u/{blockedPerson.Handle}");
        await profile.SubmitAsync(blocker.Client, $"/u/{blockedPerson.Handle}/block", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, (await blocked.GetAsync(blockerNote)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await blocked.GetAsync($"/u/{blockerPerson.Handle}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await blocked.PostWithTokenAsync($"/u/{blockerPerson.Handle}/follow")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await blocked.PostWithTokenAsync($"{blockerNote}/comments", new() { ["Body"] = "hi" })).Status);
        Assert.DoesNotContain("甲的午餐", (await blocked.GetAsync("/")).Text);
        Assert.DoesNotContain("乙的晚餐", (await blocker.GetAsync("/")).Text);
        Assert.Contains("0 followers", (await blocker.GetAsync($"/u/{blockerPerson.Handle}")).Text.Replace("\n", " ").Replace("  ", " "));

        var unblock = await blocker.GetAsync($"/u/{blockedPerson.Handle}");
        await unblock.SubmitAsync(blocker.Client, $"/u/{blockedPerson.Handle}/unblock", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, (await blocked.GetAsync(blockerNote)).Status);
        Assert.Contains("乙的晚餐", (await blocker.GetAsync("/")).Text);
    }

    [Fact]
    public async Task A_member_no_longer_sees_comments_from_someone_they_blocked()
    {
        using var site = new RedMvcAppFactory();
        var author = await site.ConfirmedMemberAsync(Person.New());
        var noteUrl = await author.PostNoteAsync("热闹的笔记");
        var troll = Person.New();
        var trollVisitor = await site.ConfirmedMemberAsync(troll);
        var reader = await site.ConfirmedMemberAsync(Person.New());
        Assert.Equal(HttpStatusCode.OK, (await trollVisitor.PostWithTokenAsync($"{noteUrl}/comments", new() { ["Body"] = "讨厌的评论" })).Status);
        Assert.Contains("讨厌的评论", (await reader.GetAsync(noteUrl)).Text);

        var profile = await reader.GetAsync($"/u/{troll.Handle}");
        await profile.SubmitAsync(reader.Client, $"/u/{troll.Handle}/block", new Dictionary<string, string>());

        Assert.DoesNotContain("讨厌的评论", (await reader.GetAsync(noteUrl)).Text);
        Assert.Contains("讨厌的评论", (await author.GetAsync(noteUrl)).Text);
    }
}
