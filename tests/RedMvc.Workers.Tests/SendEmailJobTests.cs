using Hangfire;
using RedMvc.Domain.Email;
using RedMvc.Workers.Email;

namespace RedMvc.Workers.Tests;

public class SendEmailJobTests
{
    private static readonly EmailContent Welcome = new("en", "Welcome", "Hello Ming", ["A paragraph & more."], "Open", "https://red.example/x?a=1&b=2", "Footnote");

    private static Task<long> QueueAsync(WorkersHost host, string recipient = "ming@example.test", string subjectId = "1") =>
        host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<OutboxMailer>().QueueAsync(EmailPurposes.ConfirmEmail, recipient, subjectId, Welcome);
            return await sp.GetRequiredService<AppDbContext>().EmailOutbox.Where(m => m.SubjectId == subjectId).Select(m => m.Id).SingleAsync();
        });

    private static Task RunJobAsync(WorkersHost host, long id) =>
        host.InScopeAsync(sp => sp.GetRequiredService<SendEmailJob>().RunAsync(id, CancellationToken.None));

    private static Task<EmailOutboxMessage> RowAsync(WorkersHost host, long id) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task The_send_job_run_twice_sends_one_message()
    {
        await using var host = await WorkersHost.StartAsync();
        var id = await QueueAsync(host);

        await RunJobAsync(host, id);
        await RunJobAsync(host, id);

        var message = Assert.Single(host.Mailbox.Received);
        Assert.Equal("Welcome", message.Subject);
        Assert.NotNull((await RowAsync(host, id)).SentAt);
    }

    [Fact]
    public async Task Two_runners_at_once_still_send_one_message()
    {
        await using var host = await WorkersHost.StartAsync();
        var id = await QueueAsync(host);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunJobAsync(host, id))));

        Assert.Single(host.Mailbox.Received);
    }

    [Fact]
    public async Task Queueing_the_same_message_twice_keeps_one_row_and_one_send()
    {
        await using var host = await WorkersHost.StartAsync();
        var first = await host.InScopeAsync(sp => sp.GetRequiredService<OutboxMailer>().QueueAsync(EmailPurposes.ConfirmEmail, "ming@example.test", "42", Welcome));
        var second = await host.InScopeAsync(sp => sp.GetRequiredService<OutboxMailer>().QueueAsync(EmailPurposes.ConfirmEmail, "MING@example.test", "42", Welcome));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.CountAsync()));
    }

    [Fact]
    public async Task A_failed_send_is_recorded_and_a_later_run_delivers_it()
    {
        await using var host = await WorkersHost.StartAsync();
        var id = await QueueAsync(host);
        host.Mailbox.Stop(); // the mail server is down

        await Assert.ThrowsAnyAsync<Exception>(() => RunJobAsync(host, id));
        var failed = await RowAsync(host, id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.Null(failed.LockedUntil); // released for the retry
    }

    [Fact]
    public async Task The_message_has_the_rendered_html_and_plain_text_bodies_and_a_stable_message_id()
    {
        await using var host = await WorkersHost.StartAsync();
        var id = await QueueAsync(host);
        await RunJobAsync(host, id);

        var message = Assert.Single(host.Mailbox.Received);
        Assert.Contains("Hello Ming", message.HtmlBody);
        Assert.Contains("href=\"https://red.example/x?a=1&amp;b=2\"", message.HtmlBody);
        Assert.Contains("A paragraph & more.", message.TextBody);
        Assert.Contains("https://red.example/x?a=1&b=2", message.TextBody);
        Assert.DoesNotContain("<", message.TextBody);
        Assert.StartsWith($"outbox-{id}-", message.MessageId);
        Assert.False(message.Headers.Contains("List-Unsubscribe")); // account mail cannot be stopped
    }

    [Fact]
    public async Task The_sweeper_re_enqueues_only_unsent_rows_past_the_grace_period()
    {
        await using var host = await WorkersHost.StartAsync();
        var oldId = await QueueAsync(host, subjectId: "old");
        var newId = await QueueAsync(host, subjectId: "new");
        var sentId = await QueueAsync(host, subjectId: "sent");
        await RunJobAsync(host, sentId);
        await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.Where(m => m.Id == oldId || m.Id == sentId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, DateTime.UtcNow.AddMinutes(-10))));
        var storage = host.Services.GetRequiredService<JobStorage>();
        var before = storage.GetMonitoringApi().EnqueuedCount(Queues.Email);

        var swept = await host.InScopeAsync(sp => sp.GetRequiredService<SweepEmailOutboxJob>().RunAsync(CancellationToken.None));

        Assert.Equal(1, swept);
        Assert.Equal(before + 1, storage.GetMonitoringApi().EnqueuedCount(Queues.Email));
        Assert.NotEqual(oldId, newId);
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_lands_as_an_eml_file_in_the_pickup_folder()
    {
        await using var host = await WorkersHost.StartAsync(new() { ["Email:Smtp:Host"] = "" });
        var id = await QueueAsync(host);

        await RunJobAsync(host, id);
        await RunJobAsync(host, id);

        var files = Directory.GetFiles(Path.Combine(host.Folder, "mail-pickup"), "*.eml");
        var eml = await MimeKit.MimeMessage.LoadAsync(Assert.Single(files));
        Assert.Equal("Welcome", eml.Subject);
        Assert.Empty(host.Mailbox.Received);
    }
}
