using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Domain.Time;
using RedMvc.Workers.Email;

namespace RedMvc.Workers.Jobs;

/// <summary>
/// Hourly: the weekly digest to every member whose Monday morning (WeeklyDigestHour in their zone) has
/// come this week and who has not had it. Members are read zone by zone, so an hour when no zone's Monday
/// has just begun reads nobody. Safe to repeat and to run on two workers: each member's week is claimed
/// in the transaction that queues the mail (WeeklyDigestEmails).
/// </summary>
public class WeeklyDigestJob(AppDbContext db, WeeklyDigestEmails digests, IOptions<NotificationMailOptions> options, IOptions<SiteOptions> site, TimeProvider clock)
{
    public const int BatchSize = 200;

    /// <summary>A digest that could not go on Monday (the workers were down) still goes within this; after it, the week is skipped.</summary>
    public static readonly TimeSpan LateBy = TimeSpan.FromDays(1);

    [Queue(Queues.Bulk)]
    [AutomaticRetry(Attempts = 0)] // it runs again in an hour
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var siteZone = TimeZones.SiteDefault(site.Value.TimeZone);
        var zoneIds = await db.Users.Select(u => u.TimeZone).Distinct().ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var group in zoneIds.GroupBy(id => (TimeZones.Find(id) ?? siteZone).Id))
        {
            var zone = TimeZones.Find(group.Key) ?? siteZone;
            var moment = DigestMoments.LatestWeekly(now, zone, DayOfWeek.Monday, options.Value.WeeklyDigestHour);
            if (now - moment > LateBy) continue;
            queued += await MailZoneAsync(group.ToList(), moment, cancellationToken);
        }
        return queued;
    }

    private async Task<int> MailZoneAsync(List<string?> zoneIds, DateTime moment, CancellationToken cancellationToken)
    {
        var named = zoneIds.OfType<string>().ToList();
        var orNone = zoneIds.Contains(null);
        var queued = 0;
        var after = "";
        while (true)
        {
            var members = await db.Users.AsNoTracking()
                .Where(u => (named.Contains(u.TimeZone!) || (orNone && u.TimeZone == null)) && u.EmailConfirmed && u.Email != null
                    && string.Compare(u.Id, after) > 0
                    && !db.EmailPreferences.Any(p => p.UserId == u.Id && p.Category == MailCategory.WeeklyDigest
                        && (p.Choice == MailChoice.Off || p.LastDigestAt >= moment)))
                .OrderBy(u => u.Id)
                .Take(BatchSize)
                .Select(u => new MailRecipient(u.Id, u.Email!, u.DisplayName, u.Culture, u.TimeZone))
                .ToListAsync(cancellationToken);
            foreach (var member in members)
                queued += await digests.QueueAsync(member, moment, cancellationToken) ? 1 : 0;
            if (members.Count < BatchSize) return queued;
            after = members[^1].Id;
        }
    }
}
