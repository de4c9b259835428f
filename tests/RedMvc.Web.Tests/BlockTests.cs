using System.Net;

namespace RedMvc.Web.Tests;

public class BlockTests
{
    private static async Task<string> PostNoteAsync(Visitor author, string title)
    {
        var form = await author.GetAsync("/notes/new");
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Channel"] = "food", ["Visibility"] = "Public", ["Action"] = "Publish" };
        return (await form.SubmitMultipartAsync(author.Client, "/notes/new", fields, TestPhotos.Files(1))).Url;
    }

    private static async Task<HttpStatusCode> PostWithTokenAsync(Visitor member, string url, Dictionary<string, string>? fields = null)
    {
        var home = await member.GetAsync("/");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var values = (fields ?? []).Append(new("__RequestVerificationToken", token));
        return (await member.Client.PostAsync(url, new FormUrlEncodedContent(values))).StatusCode;
    }

    [Fact]
    public async Task A_blocked_person_cannot_see_follow_or_comment_on_the_blocker_and_the_feeds_part()
    {
        using var site = new RedMvcAppFactory();
        var blockerPerson = Accounts.NewPerson();
        var blockedPerson = Accounts.NewPerson();
        var blocker = await site.ConfirmedMemberAsync(blockerPerson);
        var blocked = await site.ConfirmedMemberAsync(blockedPerson);
        var blockerNote = await PostNoteAsync(blocker, "甲的午餐");
        await PostNoteAsync(blocked, "乙的晚餐");
        Assert.Equal(HttpStatusCode.OK, await PostWithTokenAsync(blocked, $"/u/{blockerPerson.Handle}/follow"));

        var profile = await blocker.GetAsync($"/u/{blockedPerson.Handle}");
        await profile.SubmitAsync(blocker.Client, $"/u/{blockedPerson.Handle}/block", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, (await blocked.GetAsync(blockerNote)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await blocked.GetAsync($"/u/{blockerPerson.Handle}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, await PostWithTokenAsync(blocked, $"/u/{blockerPerson.Handle}/follow"));
        Assert.Equal(HttpStatusCode.NotFound, await PostWithTokenAsync(blocked, $"{blockerNote}/comments", new() { ["Body"] = "hi" }));
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
        var author = await site.ConfirmedMemberAsync(Accounts.NewPerson());
        var noteUrl = await PostNoteAsync(author, "热闹的笔记");
        var troll = Accounts.NewPerson();
        var trollVisitor = await site.ConfirmedMemberAsync(troll);
        var reader = await site.ConfirmedMemberAsync(Accounts.NewPerson());
        Assert.Equal(HttpStatusCode.OK, await PostWithTokenAsync(trollVisitor, $"{noteUrl}/comments", new() { ["Body"] = "讨厌的评论" }));
        Assert.Contains("讨厌的评论", (await reader.GetAsync(noteUrl)).Text);

        var profile = await reader.GetAsync($"/u/{troll.Handle}");
        await profile.SubmitAsync(reader.Client, $"/u/{troll.Handle}/block", new Dictionary<string, string>());

        Assert.DoesNotContain("讨厌的评论", (await reader.GetAsync(noteUrl)).Text);
        Assert.Contains("讨厌的评论", (await author.GetAsync(noteUrl)).Text);
    }
}
