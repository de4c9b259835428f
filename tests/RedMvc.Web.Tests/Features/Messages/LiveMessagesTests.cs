using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace RedMvc.Web.Tests.Features.Messages;

/// <summary>Two SignalR clients on the test server: a message posted by one reaches the other, and a page that lost its connection catches up.</summary>
[Collection(SiteCollection.Name)]
public class LiveMessagesTests(RedMvcAppFactory site)
{
    private HubConnection ConnectionOf(Chatter chatter) =>
        new HubConnectionBuilder()
            .WithUrl("https://localhost/messages/hub", options =>
            {
                // Long polling runs over the test server's plain HTTP handler; the member's cookie signs it in.
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(chatter.Cookies) { InnerHandler = site.Server.CreateHandler() };
            })
            .Build();

    /// <summary>Every (conversation, message) pushed to the connection, in order.</summary>
    private static Channel<(long Conversation, long Message)> Arrivals(HubConnection connection)
    {
        var arrivals = Channel.CreateUnbounded<(long, long)>();
        connection.On<long, long>("message", (conversation, message) => arrivals.Writer.TryWrite((conversation, message)));
        return arrivals;
    }

    private static async Task<(long, long)> NextAsync(Channel<(long Conversation, long Message)> arrivals)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound on a hang, not a timing assertion
        return await arrivals.Reader.ReadAsync(wait.Token);
    }

    [Fact]
    public async Task A_message_posted_by_one_member_arrives_live_at_the_other_and_after_a_drop_the_catch_up_returns_exactly_the_missed_ones()
    {
        var ming = await site.ChatterAsync();
        var hua = await site.ChatterAsync();
        await site.FollowsAsync(hua, ming);
        await using var mingLive = ConnectionOf(ming);
        await using var huaLive = ConnectionOf(hua);
        var toMing = Arrivals(mingLive);
        var toHua = Arrivals(huaLive);
        var badge = Channel.CreateUnbounded<int>();
        huaLive.On<int>("unread", total => badge.Writer.TryWrite(total));
        await mingLive.StartAsync();
        await huaLive.StartAsync();

        var first = await ming.WriteAsync(hua, "在线吗？");
        var conversation = long.Parse(first.Url.Split('/')[2]);
        var firstId = await site.Services.WithDbAsync(db => db.Messages.Where(m => m.ConversationId == conversation).Select(m => m.Id).SingleAsync());

        Assert.Equal((conversation, firstId), await NextAsync(toHua));
        Assert.Equal((conversation, firstId), await NextAsync(toMing)); // the sender's other pages hear of it too
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30))) Assert.Equal(1, await badge.Reader.ReadAsync(wait.Token));
        var read = Channel.CreateUnbounded<(long, long)>();
        mingLive.On<long, long>("read", (c, m) => read.Writer.TryWrite((c, m)));
        var shown = await hua.Visitor.GetAsync($"/messages/{conversation}/after/0");
        Assert.Contains("在线吗？", shown.Text);
        Assert.Equal((conversation, firstId), await NextAsync(read)); // Ming's page can say "seen"

        await huaLive.StopAsync(); // Hua's page loses its connection
        await ming.WriteAsync(hua, "第二条");
        await ming.WriteAsync(hua, "第三条");
        var missed = await site.Services.WithDbAsync(db => db.Messages.Where(m => m.ConversationId == conversation && m.Id > firstId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());

        var caughtUp = await hua.Visitor.GetAsync($"/messages/{conversation}/after/{firstId}");

        Assert.Equal(2, missed.Count);
        Assert.Equal(missed, caughtUp.Document.QuerySelectorAll("[data-message-id]").Select(e => long.Parse(e.GetAttribute("data-message-id")!)).ToList());
        Assert.Contains("第三条", caughtUp.Text);
    }

    [Fact]
    public async Task The_hub_refuses_a_visitor()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl("https://localhost/messages/hub", options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => site.Server.CreateHandler();
            })
            .Build();

        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}
