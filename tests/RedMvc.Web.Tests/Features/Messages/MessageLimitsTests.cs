namespace RedMvc.Web.Tests.Features.Messages;

/// <summary>The settings that limit messaging, on a site of their own with low limits.</summary>
public class MessageLimitsTests
{
    private sealed class StrictSite : RedMvcAppFactory
    {
        protected override Dictionary<string, string?> Overrides => new()
        {
            ["RateLimits:Messaging:PermitLimit"] = "3",
            ["RateLimits:Messaging:WindowSeconds"] = "3600",
            ["Messages:NewConversationsPerDay"] = "2",
        };
    }

    [Fact]
    public async Task Sending_is_rate_limited_per_member_and_new_conversations_per_day()
    {
        using var site = new StrictSite();
        var sender = await site.ChatterAsync();
        var others = new List<Chatter>();
        for (var i = 0; i < 3; i++)
        {
            var other = await site.ChatterAsync();
            await site.FollowsAsync(other, sender);
            others.Add(other);
        }

        await sender.WriteAsync(others[0], "一");
        await sender.WriteAsync(others[1], "二");
        var third = await sender.Visitor.GetAsync($"/messages/to/{others[2].Handle}");
        Assert.Null(third.Document.QuerySelector("form[data-composer]"));
        Assert.Contains("at most 2 new chats a day", third.Text);
        var forced = await sender.Visitor.PostWithTokenAsync($"/messages/to/{others[2].Handle}", new() { ["Body"] = "三" });
        Assert.Contains("at most 2 new chats a day", forced.Text);

        var limited = await sender.Visitor.PostWithTokenAsync($"/messages/to/{others[0].Handle}", new() { ["Body"] = "四" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.True(limited.Response.Headers.RetryAfter is not null);
        Assert.Equal(2, await site.MessageCountAsync(sender));
        await others[0].WriteAsync(sender, "another member is not limited by the first one's sends");
    }
}
