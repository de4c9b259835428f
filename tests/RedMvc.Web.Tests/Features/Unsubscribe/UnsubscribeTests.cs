using System.Text.RegularExpressions;
using MimeKit;
using RedMvc.Domain.Email;
using RedMvc.Domain.Notifications;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

/// <summary>The links in notification mail, followed from a mail that arrived at the real SMTP listener, without signing in.</summary>
[Collection(SiteCollection.Name)]
public class UnsubscribeTests(RedMvcAppFactory site)
{
    /// <summary>A member who is not on the site (made in the database) with a comment ten minutes old, and the mail the batching job sent about it.</summary>
    private async Task<(AppUser Member, long NoteId, MimeMessage Mail)> NotifiedMemberAsync()
    {
        var (member, actor) = await site.Services.WithDbAsync(async db => (await db.AddMemberAsync(), await db.AddMemberAsync(Person.New("Ming"))));
        var noteId = await site.Services.WithDbAsync(async db => (await db.PublishNoteAsync(member.Id, "Tea")).Id);
        await CommentAsync(member, noteId, actor.Id);
        await RunBatchingAsync();
        return (member, noteId, await site.Mailbox.WaitForAsync(member.Email!, m => m.Headers.Contains("List-Unsubscribe")));
    }

    private Task CommentAsync(AppUser member, long noteId, string actorId) => site.Services.WithDbAsync(db =>
        Notifier.NotifyAsync(db, Notification.About(NotificationKind.Comment, member.Id, actorId, noteId, null, DateTime.UtcNow.AddMinutes(-10))));

    private async Task RunBatchingAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailNotificationsJob>().RunAsync(CancellationToken.None);
    }

    private Task<MailChoice> ChoiceAsync(AppUser member, MailCategory category) =>
        site.Services.WithDbAsync(db => EmailPreferences.ChoiceAsync(db, member.Id, category));

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    /// <summary>What a mail program sends for one-click unsubscribe (RFC 8058): no cookie, no token, just this body.</summary>
    private async Task<Visitor.Page> OneClickAsync(string path)
    {
        using var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        return await Visitor.Page.FromAsync(response);
    }

    [Fact]
    public async Task The_one_click_post_from_a_mail_program_unsubscribes_and_no_more_of_that_mail_comes()
    {
        var (member, noteId, mail) = await NotifiedMemberAsync();
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var path = PathOf(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));

        var done = await OneClickAsync(path);
        var again = await OneClickAsync(path);

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("You are unsubscribed", done.Text);
        Assert.Contains("Replies and @mentions", done.Text);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(MailChoice.Off, await ChoiceAsync(member, MailCategory.RepliesAndMentions));
        Assert.Equal(MailChoice.DailyDigest, await ChoiceAsync(member, MailCategory.LikesAndCollects));

        await CommentAsync(member, noteId, (await site.Services.WithDbAsync(db => db.AddMemberAsync())).Id);
        await RunBatchingAsync();
        var recipient = member.Email!.ToLowerInvariant();
        Assert.Equal(1, await site.Services.WithDbAsync(db => db.EmailOutbox.CountAsync(m => m.Recipient == recipient)));
    }

    [Fact]
    public async Task A_forged_or_changed_link_changes_nothing_and_says_so()
    {
        var (member, _, mail) = await NotifiedMemberAsync();
        var token = PathOf(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'))["/unsubscribe/".Length..];
        var changed = token[..^6] + (token[^6] == 'x' ? 'y' : 'x') + token[^5..];

        var forged = await OneClickAsync($"/unsubscribe/{changed}");
        var garbage = await OneClickAsync("/unsubscribe/hello");
        var opened = await site.CreateVisitor().GetAsync($"/unsubscribe/{changed}");
        var preferences = await site.CreateVisitor().GetAsync($"/email-preferences/{changed}");

        Assert.All(new[] { forged, garbage, opened, preferences }, page =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("This link does not work", page.Text);
        });
        Assert.Equal(MailChoice.AtOnce, await ChoiceAsync(member, MailCategory.RepliesAndMentions));
    }

    [Fact]
    public async Task Opening_the_link_only_asks_and_the_button_unsubscribes()
    {
        var (member, _, mail) = await NotifiedMemberAsync();
        var path = PathOf(Regex.Match(mail.TextBody!, @"https://\S+/unsubscribe/\S+").Value);
        var visitor = site.CreateVisitor();

        var asked = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("Stop emails about: Replies and @mentions?", asked.Text);
        Assert.Equal(MailChoice.AtOnce, await ChoiceAsync(member, MailCategory.RepliesAndMentions));

        var done = await asked.SubmitAsync(visitor.Client, path, new Dictionary<string, string>());
        Assert.Contains("You are unsubscribed", done.Text);
        Assert.Equal(MailChoice.Off, await ChoiceAsync(member, MailCategory.RepliesAndMentions));
    }

    [Fact]
    public async Task The_footer_link_opens_every_choice_without_signing_in()
    {
        var (member, _, mail) = await NotifiedMemberAsync();
        var path = PathOf(Regex.Match(mail.TextBody!, @"https://\S+/email-preferences/\S+").Value);
        var visitor = site.CreateVisitor();

        var page = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var fields = MailCategories.All.ToDictionary(c => $"Choices[{c}]", c => MailCategories.DefaultOf(c).ToString());
        fields["Choices[WeeklyDigest]"] = "Off";
        fields["Choices[NewFollowers]"] = "AtOnce";
        var saved = await page.SubmitAsync(visitor.Client, path, fields);

        Assert.Contains("Email preferences saved", saved.Text);
        Assert.Equal(MailChoice.Off, await ChoiceAsync(member, MailCategory.WeeklyDigest));
        Assert.Equal(MailChoice.AtOnce, await ChoiceAsync(member, MailCategory.NewFollowers));
    }
}
