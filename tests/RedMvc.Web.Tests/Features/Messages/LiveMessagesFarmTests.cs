using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace RedMvc.Web.Tests.Features.Messages;

/// <summary>
/// Two web nodes on one Redis: a message sent through one node reaches a page connected to the other,
/// through SignalR's Redis backplane. Without it each node's hub knows only its own connections.
/// </summary>
public class LiveMessagesFarmTests(WebFarm farm) : IClassFixture<WebFarm>
{
    private async Task<(Visitor Visitor, AppUser User, CookieContainer Cookies)> MemberOnAsync(RedMvcAppFactory node)
    {
        var person = Person.New();
        var user = await farm.A.Services.WithDbAsync(db => db.AddMemberAsync(person, password: Members.Password));
        var cookies = new CookieContainer();
        var visitor = WebFarm.VisitorOn(node, cookies);
        await visitor.SignInAsync(person.Email);
        return (visitor, user, cookies);
    }

    [Fact]
    public async Task A_message_sent_through_one_node_reaches_a_page_connected_to_the_other()
    {
        var sender = await MemberOnAsync(farm.A);
        var reader = await MemberOnAsync(farm.B);
        await farm.A.Services.WithDbAsync(db => Following.FollowAsync(db, reader.User.Id, sender.User.Id, DateTime.UtcNow));
        await using var onB = new HubConnectionBuilder()
            .WithUrl("https://localhost/messages/hub", options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(reader.Cookies) { InnerHandler = farm.B.Server.CreateHandler() };
            })
            .Build();
        var arrivals = Channel.CreateUnbounded<long>();
        onB.On<long, long>("message", (_, message) => arrivals.Writer.TryWrite(message));
        await onB.StartAsync();

        var page = await sender.Visitor.GetAsync($"/messages/to/{reader.User.Handle}");
        var sent = await page.SubmitMultipartAsync(sender.Visitor.Client, $"/messages/to/{reader.User.Handle}", [new("Body", "跨节点")], []);
        Assert.Matches(@"^/messages/\d+$", sent.Url);
        var messageId = await farm.A.Services.WithDbAsync(db => db.Messages.Where(m => m.SenderId == sender.User.Id).Select(m => m.Id).SingleAsync());

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound on a hang, not a timing assertion
        Assert.Equal(messageId, await arrivals.Reader.ReadAsync(wait.Token));
    }
}
