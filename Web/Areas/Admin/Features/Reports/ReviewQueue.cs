using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Areas.Admin.Features.Reports;

/// <summary>One target with its open reports, as the queue lists it.</summary>
public record QueueItem(ReportTarget Target, string TargetId, string AuthorId, string AuthorHandle, string Summary,
    int Reporters, IReadOnlyList<ReportCategory> Categories, DateTime FirstReportedAt, string? ClaimedByHandle, double Weight);

/// <summary>
/// The review queue: open reports grouped by what they are about, heaviest first. A target weighs the
/// sum of its reporters' standing (an established account counts more, one with strikes less) times
/// its reach (likes, collects and comments of a note; likes of a comment; followers of a profile), on
/// a log scale so that a viral note does not bury everything else.
/// </summary>
public class ReviewQueue(AppDbContext db, TimeProvider clock)
{
    public const int MaxOpenReportsRead = 5000;
    public static readonly TimeSpan EstablishedAfter = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<QueueItem>> OpenAsync(string? kind)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reports = db.Reports.AsNoTracking().Where(r => r.ResolvedAt == null);
        if (Enum.TryParse<ReportTarget>(kind, ignoreCase: true, out var only)) reports = reports.Where(r => r.Target == only);
        var open = await reports.OrderBy(r => r.Id).Take(MaxOpenReportsRead).ToListAsync();
        if (open.Count == 0) return [];

        var people = open.SelectMany(r => new[] { r.ReporterId, r.TargetAuthorId }).Concat(open.Select(r => r.ClaimedById).OfType<string>()).Distinct().ToList();
        var users = await db.Users.Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.Handle, u.CreatedAt }).ToDictionaryAsync(u => u.Id);
        var struck = (await db.Penalties.Where(p => people.Contains(p.UserId) && p.LiftedAt == null && p.StrikeExpiresAt > now)
            .Select(p => p.UserId).Distinct().ToListAsync()).ToHashSet();
        var reach = await ReachAsync(open);
        var summaries = await SummariesAsync(open);

        double Standing(string reporterId) =>
            1.0 + (users.TryGetValue(reporterId, out var u) && now - u.CreatedAt > EstablishedAfter ? 0.5 : 0) - (struck.Contains(reporterId) ? 0.5 : 0);

        return open.GroupBy(r => (r.Target, r.TargetId)).Select(g =>
        {
            var first = g.First();
            var weight = g.Select(r => r.ReporterId).Distinct().Sum(Standing) * (1 + Math.Log10(1 + reach.GetValueOrDefault(g.Key)));
            return new QueueItem(g.Key.Target, g.Key.TargetId, first.TargetAuthorId,
                users.TryGetValue(first.TargetAuthorId, out var author) ? author.Handle : "?",
                summaries.GetValueOrDefault(g.Key, ""), g.Select(r => r.ReporterId).Distinct().Count(),
                g.Select(r => r.Category).Distinct().Order().ToList(), g.Min(r => r.CreatedAt),
                g.Select(r => r.ClaimedById).OfType<string>().FirstOrDefault() is { } claimer && users.TryGetValue(claimer, out var c) ? c.Handle : null,
                Math.Round(weight, 2));
        }).OrderByDescending(i => i.Weight).ThenBy(i => i.FirstReportedAt).ToList();
    }

    private async Task<Dictionary<(ReportTarget, string), long>> ReachAsync(IReadOnlyList<Report> open)
    {
        var result = new Dictionary<(ReportTarget, string), long>();
        var noteIds = Ids(open, ReportTarget.Note);
        foreach (var n in await db.Notes.Where(n => noteIds.Contains(n.Id)).Select(n => new { n.Id, Reach = (long)n.LikeCount + n.CollectCount + n.CommentCount }).ToListAsync())
            result[(ReportTarget.Note, n.Id.ToString())] = n.Reach;
        var commentIds = Ids(open, ReportTarget.Comment);
        foreach (var c in await db.Comments.Where(c => commentIds.Contains(c.Id)).Select(c => new { c.Id, c.LikeCount }).ToListAsync())
            result[(ReportTarget.Comment, c.Id.ToString())] = c.LikeCount;
        var profileIds = open.Where(r => r.Target == ReportTarget.Profile).Select(r => r.TargetId).Distinct().ToList();
        foreach (var f in await db.Follows.Where(f => profileIds.Contains(f.FolloweeId)).GroupBy(f => f.FolloweeId).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync())
            result[(ReportTarget.Profile, f.Key)] = f.Count;
        return result;
    }

    private async Task<Dictionary<(ReportTarget, string), string>> SummariesAsync(IReadOnlyList<Report> open)
    {
        var result = new Dictionary<(ReportTarget, string), string>();
        var noteIds = Ids(open, ReportTarget.Note);
        foreach (var n in await db.Notes.Where(n => noteIds.Contains(n.Id)).Select(n => new { n.Id, n.Title }).ToListAsync())
            result[(ReportTarget.Note, n.Id.ToString())] = n.Title;
        var commentIds = Ids(open, ReportTarget.Comment);
        foreach (var c in await db.Comments.Where(c => commentIds.Contains(c.Id)).Select(c => new { c.Id, c.Body }).ToListAsync())
            result[(ReportTarget.Comment, c.Id.ToString())] = c.Body;
        var profileIds = open.Where(r => r.Target == ReportTarget.Profile).Select(r => r.TargetId).Distinct().ToList();
        foreach (var u in await db.Users.Where(u => profileIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Bio }).ToListAsync())
            result[(ReportTarget.Profile, u.Id)] = string.IsNullOrEmpty(u.Bio) ? u.DisplayName : $"{u.DisplayName} · {u.Bio}";
        var threadIds = Ids(open, ReportTarget.Thread);
        foreach (var t in await db.GroupThreads.Where(t => threadIds.Contains(t.Id)).Select(t => new { t.Id, t.Title }).ToListAsync())
            result[(ReportTarget.Thread, t.Id.ToString())] = t.Title;
        var replyIds = Ids(open, ReportTarget.Reply);
        foreach (var r in await db.GroupReplies.Where(r => replyIds.Contains(r.Id)).Select(r => new { r.Id, r.Body }).ToListAsync())
            result[(ReportTarget.Reply, r.Id.ToString())] = r.Body;
        var productIds = Ids(open, ReportTarget.Product);
        foreach (var p in await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync())
            result[(ReportTarget.Product, p.Id.ToString())] = p.Title;
        var messageIds = Ids(open, ReportTarget.Message);
        foreach (var m in await db.Messages.Where(m => messageIds.Contains(m.Id)).Select(m => new { m.Id, m.Body }).ToListAsync())
            result[(ReportTarget.Message, m.Id.ToString())] = m.Body ?? "";
        return result;
    }

    private static List<long> Ids(IEnumerable<Report> reports, ReportTarget target) =>
        reports.Where(r => r.Target == target).Select(r => long.TryParse(r.TargetId, out var id) ? id : -1).Where(id => id > 0).Distinct().ToList();
}
