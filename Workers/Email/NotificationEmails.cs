using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Time;

namespace RedMvc.Workers.Email;

/// <summary>
/// Mail about what happened on the site: one category's events at once, or the day's in one digest. Each
/// is queued in the transaction that moves the categories' cursors past the events it lists, so a run
/// that lost the race to another queues nothing.
/// </summary>
public class NotificationEmails(
    OutboxMailer mailer,
    AppDbContext db,
    UnsubscribeLinks unsubscribe,
    IStringLocalizer<EmailStrings> localizer,
    IOptions<SiteOptions> site,
    SiteLinks links,
    TimeProvider clock)
{
    public Task<bool> AtOnceAsync(MailRecipient member, EventBatch batch, CancellationToken cancellationToken) =>
        QueueAsync(member, [batch], digestMoment: null, $"notify-{Slug(batch.Category)}", $"{batch.FromId}-{batch.ToId}", cancellationToken);

    public Task<bool> DailyDigestAsync(MailRecipient member, IReadOnlyList<EventBatch> batches, DateTime moment, CancellationToken cancellationToken) =>
        QueueAsync(member, batches, moment, "daily-digest", moment.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture), cancellationToken);

    private async Task<bool> QueueAsync(MailRecipient member, IReadOnlyList<EventBatch> batches, DateTime? digestMoment, string purpose, string subjectId,
        CancellationToken cancellationToken)
    {
        var events = batches.SelectMany(b => b.Newest).ToList();
        var actors = await ActorsAsync(events, cancellationToken);
        var titles = await NoteTitlesAsync(member.Id, events, cancellationToken);
        var times = new Times(TimeZones.Find(member.TimeZone) ?? TimeZones.SiteDefault(site.Value.TimeZone), clock);
        var content = InCulture(member.Culture, () =>
        {
            var total = batches.Sum(b => b.Count);
            var sections = batches.Select(b => new EmailSection(
                digestMoment is null ? null : localizer[$"Mail.Category.{b.Category}"].Value,
                b.Newest.Select(e => Item(e, actors, titles, times)).ToList(),
                b.Count > b.Newest.Count ? localizer["Mail.More", b.Count - b.Newest.Count].Value : null)).ToList();
            return new EmailContent(
                member.Culture ?? "zh-CN",
                Subject: digestMoment is null ? localizer[$"Mail.Subject.{batches[0].Category}", total] : localizer["Mail.Daily.Subject", total],
                Heading: digestMoment is null ? localizer["Mail.Heading", member.DisplayName] : localizer["Mail.Daily.Heading", member.DisplayName],
                Paragraphs: [digestMoment is null ? localizer["Mail.Body"] : localizer["Mail.Daily.Body"]],
                ActionLabel: localizer["Mail.Action"].Value,
                ActionUrl: links.Absolute("/notifications"))
            {
                Sections = sections,
                Unsubscribe = unsubscribe.For(member.Id, batches.Select(b => b.Category).ToList()),
            };
        });
        return await mailer.QueueAsync(purpose, member.Email, subjectId, content,
            claim: token => ClaimAsync(member.Id, batches, digestMoment, token), cancellationToken);
    }

    /// <summary>Moves each category's cursor from where this run read it; false when another run moved it first (or the member changed the choice).</summary>
    private async Task<bool> ClaimAsync(string userId, IReadOnlyList<EventBatch> batches, DateTime? digestMoment, CancellationToken cancellationToken)
    {
        foreach (var batch in batches)
        {
            var moved = await db.EmailPreferences
                .Where(p => p.UserId == userId && p.Category == batch.Category && p.Choice == batch.Choice && p.LastEventId == batch.FromId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.LastEventId, batch.ToId)
                    .SetProperty(p => p.LastDigestAt, p => digestMoment ?? p.LastDigestAt), cancellationToken);
            if (moved != 1) return false;
        }
        return true;
    }

    private EmailItem Item(MailEvent e, IReadOnlyDictionary<string, (string Name, string Handle)> actors, IReadOnlyDictionary<long, string> titles, Times times)
    {
        var actor = actors.TryGetValue(e.ActorId, out var a) ? a : (Name: "—", Handle: "");
        var title = e.NoteId is { } noteId && titles.TryGetValue(noteId, out var t) && t.Length > 0 ? t : "";
        var what = e.Kind?.ToString() ?? "Message";
        var text = localizer[title.Length > 0 ? $"Mail.Event.{what}" : $"Mail.Event.{what}.Untitled", actor.Name, title].Value;
        return new EmailItem(text, links.Absolute(PathOf(e, actor.Handle)), times.Minute(e.CreatedAt) + " " + times.Offset(e.CreatedAt));
    }

    /// <summary>The kinds whose NoteId is a note's (the group kinds name their threads their own way).</summary>
    private static readonly IReadOnlySet<NotificationKind> AboutNotes = new HashSet<NotificationKind>
    {
        NotificationKind.Comment, NotificationKind.Reply, NotificationKind.Mention, NotificationKind.Like, NotificationKind.Collect, NotificationKind.CommentLike,
    };

    /// <summary>A message opens the messages; a note's events the note, a follow the follower; the rest (groups, until their pages exist for mail) the notifications page.</summary>
    private static string PathOf(MailEvent e, string actorHandle) =>
        e.Kind is null ? "/messages"
        : e.Kind == NotificationKind.Follow && actorHandle.Length > 0 ? $"/u/{actorHandle}"
        : e.Kind is { } kind && AboutNotes.Contains(kind) && e.NoteId is { } noteId ? $"/notes/{noteId}"
        : "/notifications";

    private async Task<IReadOnlyDictionary<string, (string Name, string Handle)>> ActorsAsync(List<MailEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.ActorId).Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Handle }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => (u.DisplayName, u.Handle));
    }

    /// <summary>Titles of the notes the mail names, only those the recipient may see at writing (NoteAccess, as the job chose the events): a note held, removed or made private since goes untitled.</summary>
    private async Task<IReadOnlyDictionary<long, string>> NoteTitlesAsync(string recipientId, List<MailEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Where(e => e.Kind is { } kind && AboutNotes.Contains(kind) && e.NoteId is not null)
            .Select(e => e.NoteId!.Value).Distinct().ToList();
        return await db.Notes.AsNoTracking().WhereMaySee(db, recipientId).Where(n => ids.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
    }

    private static string Slug(MailCategory category) => category.ToString().ToLowerInvariant();

    private static T InCulture<T>(string? culture, Func<T> work)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture ?? "zh-CN");
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
