using Microsoft.Extensions.Options;
using MimeKit;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Email;
using RedMvc.Domain.Notifications;
using RedMvc.Workers.Email;

namespace RedMvc.Workers.Tests.Email;

/// <summary>Notification mail as a test drives it: events at chosen times, the jobs run on a clock the test sets, and the outbox sent to the test SMTP server.</summary>
public sealed class MailDesk(WorkersHost host)
{
    /// <summary>A Monday, 12:00 UTC: 20:00 in China, where members live unless a test moves them.</summary>
    public static readonly DateTime Monday = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public Mailbox Mailbox => host.Mailbox;

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    public Task<AppUser> MemberAsync(string name, string culture = "en", bool confirmed = true, string? zone = "Asia/Shanghai") =>
        host.Services.WithDbAsync(async db =>
        {
            var member = await db.AddMemberAsync(Person.New(name), confirmed: confirmed, culture: culture);
            member.TimeZone = zone;
            await db.SaveChangesAsync();
            return member;
        });

    public Task<long> NoteAsync(AppUser author, string title) =>
        host.Services.WithDbAsync(async db => (await db.PublishNoteAsync(author.Id, title, at: Monday.AddDays(-30))).Id);

    public Task NotifyAsync(NotificationKind kind, AppUser recipient, AppUser actor, long? noteId, DateTime at) =>
        host.Services.WithDbAsync(db => Notifier.NotifyAsync(db, Notification.About(kind, recipient.Id, actor.Id, noteId, null, at)));

    public Task ChooseAsync(AppUser member, MailCategory category, MailChoice choice) =>
        host.Services.WithDbAsync(db => EmailPreferences.SaveAsync(db, member.Id, new Dictionary<MailCategory, MailChoice> { [category] = choice }));

    public Task SeenAsync(AppUser member, DateTime at) => host.Services.WithDbAsync(db => EmailPreferences.RecordSeenAsync(db, member.Id, at));

    /// <summary>One run of the batching job's two passes (at once, daily digests) at the given time; the number of mails they queued.</summary>
    public async Task<int> RunBatchingAsync(DateTime now) =>
        await host.InScopeAsync(sp => Job(sp, now).RunAsync(CancellationToken.None))
        + await host.InScopeAsync(sp => Job(sp, now).DailyDigestsAsync(CancellationToken.None));

    private static MailNotificationsJob Job(IServiceProvider sp, DateTime now) => new(
        sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<NotificationEmails>(), sp.GetRequiredService<IOptions<NotificationMailOptions>>(),
        sp.GetRequiredService<IOptions<SiteOptions>>(), new FixedClock(now));

    public Task<int> RunWeeklyAsync(DateTime now) => host.InScopeAsync(sp => new WeeklyDigestJob(
        sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<WeeklyDigestEmails>(), sp.GetRequiredService<IOptions<NotificationMailOptions>>(),
        sp.GetRequiredService<IOptions<SiteOptions>>(), new FixedClock(now)).RunAsync(CancellationToken.None));

    /// <summary>Sends every unsent outbox row through the real send job, and returns what arrived for the member.</summary>
    public async Task<IReadOnlyList<MimeMessage>> DeliverAsync(AppUser member)
    {
        var ids = await host.Services.WithDbAsync(db => db.EmailOutbox.Where(m => m.SentAt == null).Select(m => m.Id).ToListAsync());
        foreach (var id in ids)
            await host.InScopeAsync(sp => sp.GetRequiredService<SendEmailJob>().RunAsync(id, CancellationToken.None));
        return Mailbox.To(member.Email!);
    }
}
