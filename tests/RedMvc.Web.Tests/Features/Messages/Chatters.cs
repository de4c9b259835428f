using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using RedMvc.Domain.Messages;

namespace RedMvc.Web.Tests.Features.Messages;

/// <summary>A signed-in member for the messages tests, with the cookies a SignalR client can carry too.</summary>
public sealed record Chatter(Visitor Visitor, AppUser User, CookieContainer Cookies)
{
    public string Id => User.Id;
    public string Handle => User.Handle;
}

public static class Chatters
{
    /// <summary>A member made in the database and signed in through the real form.</summary>
    public static async Task<Chatter> ChatterAsync(this RedMvcAppFactory site, string? name = null, bool refuseStrangers = false)
    {
        var person = Person.New(name);
        var user = await site.Services.WithDbAsync(async db =>
        {
            var member = await db.AddMemberAsync(person, password: Members.Password);
            member.RefuseMessagesFromStrangers = refuseStrangers;
            await db.SaveChangesAsync();
            return member;
        });
        var cookies = new CookieContainer();
        var client = site.CreateDefaultClient(new Uri("https://localhost"), new RedirectHandler(), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var visitor = new Visitor(client);
        await visitor.SignInAsync(person.Email);
        return new Chatter(visitor, user, cookies);
    }

    public static Task FollowsAsync(this RedMvcAppFactory site, Chatter follower, Chatter followee) =>
        site.Services.WithDbAsync(db => Following.FollowAsync(db, follower.Id, followee.Id, DateTime.UtcNow));

    /// <summary>Writes from the composer of the conversation (or of the first message) and returns the page the site answers with.</summary>
    public static async Task<Visitor.Page> WriteAsync(this Chatter from, Chatter to, string body)
    {
        var page = await from.Visitor.GetAsync($"/messages/to/{to.Handle}");
        var action = page.Document.QuerySelector("form[data-composer]")?.GetAttribute("action")
            ?? throw new InvalidOperationException("No composer on " + page.Url + ": " + page.Document.QuerySelector(".chat__closed")?.TextContent);
        return await page.SubmitMultipartAsync(from.Visitor.Client, action, [new("Body", body)], []);
    }

    /// <summary>Messages sent straight through the Domain, for tests about what pages show.</summary>
    public static Task<Message> SentAsync(this RedMvcAppFactory site, Chatter from, Chatter to, string body) =>
        site.Services.WithDbAsync(db => Messaging.SendAsync(db, from.Id, to.Id, new MessageDraft(body), [], new MessageLimits(), DateTime.UtcNow));

    public static Task<int> MessageCountAsync(this RedMvcAppFactory site, Chatter from) =>
        site.Services.WithDbAsync(db => db.Messages.CountAsync(m => m.SenderId == from.Id));

    /// <summary>The unread total in the top bar.</summary>
    public static string? Badge(this Visitor.Page page) =>
        page.Document.QuerySelector(".topbar [data-messages-unread]:not([hidden])")?.TextContent.Trim();
}
