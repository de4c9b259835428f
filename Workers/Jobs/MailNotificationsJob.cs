using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;
using RedMvc.Domain.Time;
using RedMvc.Workers.Email;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Mails members their unread events as they chose. Every minute, "at once": AtOnceWait after the first
/// unmailed event, once the member has been away that long, everything since goes in one mail. Every
/// quarter hour, the daily digest: at DailyDigestHour in the member's zone, one mail with what is still
/// unread in every daily category. Read notifications are never mailed, nor anything to an unconfirmed
/// address. Each pass reads only members with something due for it, so members whose digest is hours
/// away cost nothing. Safe to run twice and on two workers at once: every mail moves its cursors
/// conditionally in its own transaction (NotificationEmails).
/// </summary>
public class MailNotificationsJob(AppDbContext db, NotificationEmails emails, IOptions<NotificationMailOptions> options, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>A member's daily digest moment is a day after the last; one handled this recently is not looked at.</summary>
    private static readonly TimeSpan DigestedRecently = TimeSpan.FromHours(23);

    [Queue(Queues.Email)]
    [AutomaticRetry(Attempts = 0)] // it runs again in a minute
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var awaySince = now - options.Value.AtOnceWait;
        var mailed = 0;
        foreach (var memberId in await CandidatesAsync(MailChoice.AtOnce, now, events => events
                     .Where(e => e.CreatedAt <= awaySince && !db.LastSeen.Any(s => s.UserId == e.RecipientId && s.At > awaySince)), cancellationToken))
            mailed += await MailAtOnceAsync(memberId, now, cancellationToken);
        return mailed;
    }

    [Queue(Queues.Email)]
    [AutomaticRetry(Attempts = 0)] // it runs again in a quarter of an hour
    public async Task<int> DailyDigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recently = now - DigestedRecently;
        var mailed = 0;
        foreach (var memberId in await CandidatesAsync(MailChoice.DailyDigest, now, events => events
                     .Where(e => !db.EmailPreferences.Any(p => p.UserId == e.RecipientId && p.LastDigestAt > recently
                         && p.Category != MailCategory.WeeklyDigest && p.Choice == MailChoice.DailyDigest)), cancellationToken))
            mailed += await MailDailyDigestAsync(memberId, now, cancellationToken) ? 1 : 0;
        return mailed;
    }

    /// <summary>Members with pending events in a category they have on this choice, narrowed further by the pass.</summary>
    private async Task<List<string>> CandidatesAsync(MailChoice choice, DateTime now, Func<IQueryable<MailEvent>, IQueryable<MailEvent>> due,
        CancellationToken cancellationToken)
    {
        var members = new HashSet<string>();
        foreach (var category in MailCategories.OfEvents)
            members.UnionWith(await due(ChosenAs(Pending(category, now), category, choice)).Select(e => e.RecipientId).Distinct().ToListAsync(cancellationToken));
        return members.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A category's events that are unread, recent, settled, past the member's cursor, and not turned off.</summary>
    private IQueryable<MailEvent> Pending(MailCategory category, DateTime now)
    {
        var from = now - options.Value.Lookback;
        var until = now - options.Value.Settle;
        return MailEvents.UnreadOf(db, category)
            .Where(e => e.CreatedAt > from && e.CreatedAt <= until)
            .Where(e => !db.EmailPreferences.Any(p => p.UserId == e.RecipientId && p.Category == category && (p.Choice == MailChoice.Off || p.LastEventId >= e.Id)));
    }

    /// <summary>Events of members who have the category on this choice: saved, or by default when they never changed it.</summary>
    private IQueryable<MailEvent> ChosenAs(IQueryable<MailEvent> events, MailCategory category, MailChoice choice) =>
        MailCategories.DefaultOf(category) == choice
            ? events.Where(e => !db.EmailPreferences.Any(p => p.UserId == e.RecipientId && p.Category == category && p.Choice != choice))
            : events.Where(e => db.EmailPreferences.Any(p => p.UserId == e.RecipientId && p.Category == category && p.Choice == choice));

    private async Task<int> MailAtOnceAsync(string memberId, DateTime now, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(memberId, cancellationToken) is not { } prepared) return 0;
        var (member, rows) = prepared;
        var awaySince = now - options.Value.AtOnceWait;
        // Checked again per member: the candidate query ran a moment ago.
        if (await db.LastSeen.AnyAsync(s => s.UserId == memberId && s.At > awaySince, cancellationToken)) return 0;
        var mailed = 0;
        foreach (var category in MailCategories.OfEvents.Where(c => rows[c].Choice == MailChoice.AtOnce))
        {
            if (await BatchAsync(memberId, category, rows[category], now, cancellationToken) is not { } found || found.Oldest > awaySince) continue;
            mailed += await emails.AtOnceAsync(member, found.Batch, cancellationToken) ? 1 : 0;
        }
        return mailed;
    }

    /// <summary>The digest at a moment holds what came before it and is still unread, plus what came since.</summary>
    private async Task<bool> MailDailyDigestAsync(string memberId, DateTime now, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(memberId, cancellationToken) is not { } prepared) return false;
        var (member, rows) = prepared;
        var zone = TimeZones.Find(member.TimeZone) ?? TimeZones.SiteDefault(site.Value.TimeZone);
        var moment = DigestMoments.LatestDaily(now, zone, options.Value.DailyDigestHour);
        var due = MailCategories.OfEvents.Where(c => rows[c].Choice == MailChoice.DailyDigest && (rows[c].LastDigestAt is null || rows[c].LastDigestAt < moment)).ToList();
        var batches = new List<EventBatch>();
        foreach (var category in due)
        {
            if (await BatchAsync(memberId, category, rows[category], now, cancellationToken) is { } found && found.Oldest < moment)
                batches.Add(found.Batch);
        }
        // This moment's digest had nothing for the other categories: they are done until the next one, so later passes skip the member.
        var quiet = due.Except(batches.Select(b => b.Category)).ToList();
        if (quiet.Count > 0)
            await db.EmailPreferences
                .Where(p => p.UserId == memberId && quiet.Contains(p.Category) && p.Choice == MailChoice.DailyDigest && (p.LastDigestAt == null || p.LastDigestAt < moment))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastDigestAt, moment), cancellationToken);
        return batches.Count > 0 && await emails.DailyDigestAsync(member, batches, moment, cancellationToken);
    }

    /// <summary>The member, when their address is confirmed, and their rows for every category of events (made with defaults where missing).</summary>
    private async Task<(MailRecipient Member, Dictionary<MailCategory, EmailPreference> Rows)?> PrepareAsync(string memberId, CancellationToken cancellationToken)
    {
        var member = await db.Users.AsNoTracking()
            .Where(u => u.Id == memberId && u.EmailConfirmed && u.Email != null)
            .Select(u => new MailRecipient(u.Id, u.Email!, u.DisplayName, u.Culture, u.TimeZone))
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null) return null;
        await EmailPreferences.EnsureRowsAsync(db, memberId, MailCategories.OfEvents, cancellationToken);
        var rows = await db.EmailPreferences.AsNoTracking().Where(p => p.UserId == memberId).ToDictionaryAsync(p => p.Category, cancellationToken);
        return (member, rows);
    }

    /// <summary>
    /// The member's pending events of a category: what a mail lists leaves out people either side has blocked
    /// since, and notes the member may no longer see. When only those are pending, the cursor passes them quietly and there is no batch.
    /// </summary>
    private async Task<(EventBatch Batch, DateTime Oldest)?> BatchAsync(string memberId, MailCategory category, EmailPreference row, DateTime now, CancellationToken cancellationToken)
    {
        var blocked = Blocking.EitherWayOf(db, memberId);
        var pending = Pending(category, now).Where(e => e.RecipientId == memberId);
        if (await pending.MaxAsync(e => (long?)e.Id, cancellationToken) is not { } maxId) return null;
        var oldest = await pending.MinAsync(e => e.CreatedAt, cancellationToken);
        // And events about a note the member may no longer see (deleted, removed, made private): as on the notifications page.
        var visibleNotes = db.Notes.WhereMaySee(db, memberId).Select(n => n.Id);
        var listed = pending.Where(e => !blocked.Contains(e.ActorId) && (e.NoteId == null || visibleNotes.Contains(e.NoteId.Value)));
        var count = await listed.CountAsync(cancellationToken);
        if (count == 0)
        {
            await db.EmailPreferences.Where(p => p.UserId == memberId && p.Category == category && p.LastEventId == row.LastEventId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastEventId, maxId), cancellationToken);
            return null;
        }
        var newest = await listed.OrderByDescending(e => e.Id).Take(options.Value.MaxLines).ToListAsync(cancellationToken);
        return (new EventBatch(category, row.Choice, row.LastEventId, maxId, count, newest), oldest);
    }
}
