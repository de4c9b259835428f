using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Domain.Time;
using RedMvc.Workers.Email;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Every minute: mails members their unread events as they chose. "At once" waits AtOnceWait after the
/// first unmailed event, and until the member has been away that long, then folds everything since into
/// one mail; the daily digest goes at DailyDigestHour in the member's zone with what is still unread.
/// Read notifications are never mailed, nor anything to an unconfirmed address. Safe to run twice and on
/// two workers at once: every mail moves its cursors conditionally in its own transaction (NotificationEmails).
/// </summary>
public class MailNotificationsJob(AppDbContext db, NotificationEmails emails, IOptions<NotificationMailOptions> options, IOptions<SiteOptions> site, TimeProvider clock)
{
    [Queue(Queues.Email)]
    [AutomaticRetry(Attempts = 0)] // it runs again in a minute
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mailed = 0;
        foreach (var memberId in await CandidatesAsync(now, cancellationToken))
            mailed += await MailMemberAsync(memberId, now, cancellationToken);
        return mailed;
    }

    /// <summary>Members with unread, unmailed events of a category they did not turn off.</summary>
    private async Task<List<string>> CandidatesAsync(DateTime now, CancellationToken cancellationToken)
    {
        var members = new HashSet<string>();
        foreach (var category in MailCategories.OfEvents)
            members.UnionWith(await Pending(category, now).Select(e => e.RecipientId).Distinct().ToListAsync(cancellationToken));
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

    private async Task<int> MailMemberAsync(string memberId, DateTime now, CancellationToken cancellationToken)
    {
        var member = await db.Users.AsNoTracking()
            .Where(u => u.Id == memberId && u.EmailConfirmed && u.Email != null)
            .Select(u => new MailRecipient(u.Id, u.Email!, u.DisplayName, u.Culture, u.TimeZone))
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null) return 0;

        await EmailPreferences.EnsureRowsAsync(db, memberId, MailCategories.OfEvents, cancellationToken);
        var rows = await db.EmailPreferences.AsNoTracking().Where(p => p.UserId == memberId).ToDictionaryAsync(p => p.Category, cancellationToken);
        var lastSeen = await db.LastSeen.Where(s => s.UserId == memberId).Select(s => (DateTime?)s.At).SingleOrDefaultAsync(cancellationToken);
        var zone = TimeZones.Find(member.TimeZone) ?? TimeZones.SiteDefault(site.Value.TimeZone);
        var digestMoment = DigestMoments.LatestDaily(now, zone, options.Value.DailyDigestHour);
        var wait = options.Value.AtOnceWait;
        var away = lastSeen is null || lastSeen <= now - wait;

        var mailed = 0;
        var daily = new List<EventBatch>();
        foreach (var category in MailCategories.OfEvents)
        {
            var row = rows[category];
            if (row.Choice == MailChoice.Off) continue;
            if (await BatchAsync(memberId, category, row, now, cancellationToken) is not { } found) continue;
            var (batch, oldest) = found;
            if (batch.Count == 0)
            {
                // Only events from people blocked since: nothing to tell, and nothing to look at again.
                await SkipAsync(memberId, batch, cancellationToken);
                continue;
            }
            if (row.Choice == MailChoice.AtOnce && oldest <= now - wait && away)
                mailed += await emails.AtOnceAsync(member, batch, cancellationToken) ? 1 : 0;
            // The digest at a moment holds what came before it and is still unread, plus what came since.
            else if (row.Choice == MailChoice.DailyDigest && oldest < digestMoment && (row.LastDigestAt is null || row.LastDigestAt < digestMoment))
                daily.Add(batch);
        }
        if (daily.Count > 0 && await emails.DailyDigestAsync(member, daily, digestMoment, cancellationToken)) mailed++;
        return mailed;
    }

    private Task<int> SkipAsync(string memberId, EventBatch batch, CancellationToken cancellationToken) =>
        db.EmailPreferences.Where(p => p.UserId == memberId && p.Category == batch.Category && p.LastEventId == batch.FromId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastEventId, batch.ToId), cancellationToken);

    /// <summary>The member's pending events of a category that a mail may list, leaving out those from people either side has blocked.</summary>
    private async Task<(EventBatch Batch, DateTime Oldest)?> BatchAsync(string memberId, MailCategory category, EmailPreference row, DateTime now, CancellationToken cancellationToken)
    {
        var blocked = db.Blocks.Where(b => b.BlockerId == memberId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == memberId).Select(b => b.BlockerId));
        var pending = Pending(category, now).Where(e => e.RecipientId == memberId);
        if (await pending.MaxAsync(e => (long?)e.Id, cancellationToken) is not { } maxId) return null;
        var oldest = await pending.MinAsync(e => e.CreatedAt, cancellationToken);
        var listed = pending.Where(e => !blocked.Contains(e.ActorId));
        var newest = await listed.OrderByDescending(e => e.Id).Take(options.Value.MaxLines).ToListAsync(cancellationToken);
        var count = await listed.CountAsync(cancellationToken);
        return (new EventBatch(category, row.Choice, row.LastEventId, maxId, count, newest), oldest);
    }
}
