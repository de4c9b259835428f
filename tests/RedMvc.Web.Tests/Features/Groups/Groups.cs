namespace RedMvc.Web.Tests;

/// <summary>Groups through their real forms: create, join, start a thread, reply, as a member would.</summary>
public static class Groups
{
    /// <summary>Creates a group through the form; returns its id.</summary>
    public static async Task<long> CreateGroupAsync(this Visitor owner, string? name = null, bool isPrivate = false, string channel = "travel")
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name ?? $"圈子 {Guid.NewGuid():N}"[..12], ["Description"] = "一起玩", ["Rules"] = "友善", ["Channel"] = channel,
        };
        if (isPrivate) fields["IsPrivate"] = "true";
        var page = await owner.SubmitAsync("/groups/new", "/groups/new", fields);
        Assert.Matches(@"^/groups/\d+$", page.Url);
        return long.Parse(page.Url.Split('/')[^1]);
    }

    /// <summary>Presses Join (or Ask to join) on the group's page.</summary>
    public static Task<Visitor.Page> JoinGroupAsync(this Visitor member, long groupId) =>
        member.SubmitAsync($"/groups/{groupId}", $"/groups/{groupId}/join", new Dictionary<string, string>());

    /// <summary>Starts a thread through the form; returns its id.</summary>
    public static async Task<long> StartThreadAsync(this Visitor member, long groupId, string title = "第一次露营带什么？", string body = "求清单", string kind = "Discussion")
    {
        var page = await member.SubmitAsync($"/groups/{groupId}/threads/new", $"/groups/{groupId}/threads/new",
            new Dictionary<string, string> { ["Title"] = title, ["Body"] = body, ["Kind"] = kind });
        Assert.Matches(@"^/groups/threads/\d+$", page.Url);
        return long.Parse(page.Url.Split('/')[^1]);
    }

    public static Task<Visitor.Page> ReplyAsync(this Visitor member, long threadId, string body, long? quote = null)
    {
        var fields = new Dictionary<string, string> { ["Body"] = body };
        if (quote is not null) fields["QuoteReplyId"] = quote.Value.ToString();
        return member.SubmitAsync($"/groups/threads/{threadId}", $"/groups/threads/{threadId}/reply", fields);
    }

    /// <summary>The id of the reply whose text contains the given words, from the thread page.</summary>
    public static long ReplyIdOf(this Visitor.Page page, string text) =>
        long.Parse(page.Document.QuerySelectorAll("li.reply").Last(li => li.TextContent.Contains(text)).Id!["reply-".Length..]);

    /// <summary>A form post with the visitor's own token, not following the redirect (to see a 404 or where it goes).</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(this RedMvcAppFactory site, Visitor visitor, string url, Dictionary<string, string>? fields = null)
    {
        // A member's every page carries a token (the sign-out form); a visitor's sign-in page does.
        var page = await visitor.GetAsync("/account/sign-in");
        if (page.Document.QuerySelector("input[name='__RequestVerificationToken']") is null) page = await visitor.GetAsync("/groups");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await visitor.Client.PostAsync(url, new FormUrlEncodedContent((fields ?? []).Append(new("__RequestVerificationToken", token))));
    }
}
