using System.Globalization;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Groups;

/// <summary>
/// The groups pages' reads: projections straight into view records, a fixed handful of queries per
/// page, keyset paging for threads (by the sort's key and id) and replies (by id, which grows with time).
/// </summary>
public class GroupQueries(AppDbContext db, TimeProvider clock)
{
    public const int ThreadPageSize = 30;
    public const int ReplyPageSize = 30;
    public const int DirectorySize = 60;
    public const int LogPageSize = 50;
    private const int ExcerptLength = 80;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<GroupCard> Cards(IQueryable<Group> groups) =>
        groups.Select(g => new GroupCard(g.Id, g.Name, g.Description, g.Channel, g.IsPrivate, g.AvatarKey, g.MemberCount, g.ThreadCount, g.WeeklyPosts));

    public Task<GroupCard?> CardAsync(long groupId) => Cards(db.Groups.Where(g => g.Id == groupId && g.DeletedAt == null)).SingleOrDefaultAsync();

    /// <summary>Most active first (posts of the last week, then members); the member's own groups beside them.</summary>
    public async Task<GroupDirectory> DirectoryAsync(string? channel, string? viewerId)
    {
        var groups = db.Groups.Where(g => g.DeletedAt == null);
        if (channel is not null) groups = groups.Where(g => g.Channel == channel);
        var list = await Cards(groups.OrderByDescending(g => g.WeeklyPosts).ThenByDescending(g => g.MemberCount).ThenBy(g => g.Id).Take(DirectorySize)).ToListAsync();
        var mine = viewerId is null ? [] : await MemberOfAsync(viewerId, onlyPublic: false);
        return new GroupDirectory(channel, list, mine, viewerId is not null);
    }

    /// <summary>The groups someone is an active member of, most active first; a profile shows only public ones to others.</summary>
    public Task<List<GroupCard>> MemberOfAsync(string userId, bool onlyPublic) =>
        Cards(db.Groups.Where(g => g.DeletedAt == null && (!onlyPublic || !g.IsPrivate)
                && db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == userId && m.Status == MemberStatus.Active))
            .OrderByDescending(g => g.WeeklyPosts).ThenBy(g => g.Id).Take(DirectorySize)).ToListAsync();

    public static Standing StandingOf(Group group, GroupMember? membership, DateTime now) =>
        new(membership, GroupAccess.PostProblem(group, membership, now), membership?.IsMuted(now) == true ? membership.MutedUntil : null);

    public async Task<GroupPage> PageAsync(Group group, GroupMember? membership, string? viewerId, ThreadSort sort, string? cursor)
    {
        var now = Now;
        var viewer = StandingOf(group, membership, now);
        var card = ToCard(group);
        var moderators = await Authors(db.GroupMembers.Where(m => m.GroupId == group.Id && m.Status == MemberStatus.Active && m.Role >= GroupRole.Moderator)
            .OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).Select(m => m.UserId)).ToListAsync();
        var listed = db.GroupThreads.Where(t => t.GroupId == group.Id).WhereListedFor(db, viewerId);
        var pinnedNow = listed.Where(t => t.PinnedAt != null && (t.PinnedUntil == null || t.PinnedUntil > now));
        var pinned = cursor is null ? await Rows(pinnedNow.OrderByDescending(t => t.PinnedAt), now).ToListAsync() : [];
        var (threads, next) = await ThreadsAsync(listed.Where(t => !(t.PinnedAt != null && (t.PinnedUntil == null || t.PinnedUntil > now))), sort, cursor, now);
        var pending = viewer.IsModerator ? await db.GroupMembers.CountAsync(m => m.GroupId == group.Id && m.Status == MemberStatus.Pending) : 0;
        var reports = viewer.IsModerator ? await db.Reports.CountAsync(r => r.GroupId == group.Id && r.ResolvedAt == null) : 0;
        return new GroupPage(card, group.Rules, group.CoverKey, group.CoverWidthList, group.SlowModeMinutes, moderators, viewer, viewerId is not null, sort, pinned, threads, next, pending, reports);
    }

    public static GroupCard ToCard(Group g) => new(g.Id, g.Name, g.Description, g.Channel, g.IsPrivate, g.AvatarKey, g.MemberCount, g.ThreadCount, g.WeeklyPosts);

    /// <summary>One page of a group's threads in the sort's order; the cursor is "{key}_{id}" of the last row shown.</summary>
    private async Task<(List<ThreadRow> Rows, string? Next)> ThreadsAsync(IQueryable<GroupThread> threads, ThreadSort sort, string? cursor, DateTime now)
    {
        var (key, id) = ParseCursor(cursor);
        IQueryable<GroupThread> ordered;
        switch (sort)
        {
            case ThreadSort.Newest:
                if (id is { } newestId) threads = threads.Where(t => t.Id < newestId);
                ordered = threads.OrderByDescending(t => t.Id);
                break;
            case ThreadSort.TopWeek or ThreadSort.TopMonth or ThreadSort.TopAll:
                if (sort != ThreadSort.TopAll)
                {
                    var since = now.AddDays(sort == ThreadSort.TopWeek ? -7 : -30);
                    threads = threads.Where(t => t.CreatedAt >= since);
                }
                if (id is { } topId && key is { } likes)
                    threads = threads.Where(t => t.LikeCount < likes || (t.LikeCount == likes && t.Id < topId));
                ordered = threads.OrderByDescending(t => t.LikeCount).ThenByDescending(t => t.Id);
                break;
            default:
                if (id is { } latestId && key is { } ticks)
                {
                    var at = new DateTime(ticks, DateTimeKind.Utc);
                    threads = threads.Where(t => t.LastActivityAt < at || (t.LastActivityAt == at && t.Id < latestId));
                }
                ordered = threads.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id);
                break;
        }
        var page = await ordered.Take(ThreadPageSize + 1)
            .Select(t => new { t.Id, t.LikeCount, t.LastActivityAt }).ToListAsync();
        var shown = page.Take(ThreadPageSize).Select(t => t.Id).ToList();
        var rows = (await Rows(db.GroupThreads.Where(t => shown.Contains(t.Id)), now).ToListAsync()).OrderBy(r => shown.IndexOf(r.Id)).ToList();
        string? next = null;
        if (page.Count > ThreadPageSize)
        {
            var last = page[ThreadPageSize - 1];
            next = sort switch
            {
                ThreadSort.Newest => $"0_{last.Id}",
                ThreadSort.TopWeek or ThreadSort.TopMonth or ThreadSort.TopAll => $"{last.LikeCount}_{last.Id}",
                _ => $"{last.LastActivityAt.Ticks}_{last.Id}",
            };
        }
        return (rows, next);
    }

    private static (long? Key, long? Id) ParseCursor(string? cursor)
    {
        var parts = cursor?.Split('_');
        return parts is [var key, var id] && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && k <= DateTime.MaxValue.Ticks
            ? (k, i) : (null, null);
    }

    private IQueryable<ThreadRow> Rows(IQueryable<GroupThread> threads, DateTime now) =>
        threads.Join(db.Users, t => t.AuthorId, u => u.Id, (t, u) => new ThreadRow(t.Id, t.Title, t.Kind,
            new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey), t.ReplyCount, t.LikeCount, t.CreatedAt, t.LastActivityAt,
            t.PinnedAt != null && (t.PinnedUntil == null || t.PinnedUntil > now), t.ClosedAt != null, t.AcceptedReplyId != null));

    private IQueryable<AuthorView> Authors(IQueryable<string> userIds) =>
        userIds.Join(db.Users, id => id, u => u.Id, (id, u) => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey));

    /// <summary>
    /// The thread page: the thread, its accepted answer, one page of replies (from the start, after a
    /// reply id, or before one), and where the viewer's unread replies start. Replies by people either
    /// side blocked are left out; deleted and removed ones stay as placeholders, the removed text shown to its author.
    /// </summary>
    public async Task<ThreadPage> ThreadAsync(GroupThread thread, Group group, GroupMember? membership, string? viewerId, long? after, long? before, GroupLimits limits)
    {
        var now = Now;
        var viewer = StandingOf(group, membership, now);
        var author = await Authors(db.Users.Where(u => u.Id == thread.AuthorId).Select(u => u.Id)).SingleAsync();
        // A reply screening holds is its author's alone until staff approve it.
        var replies = db.GroupReplies.Where(r => r.ThreadId == thread.Id && (r.HeldAt == null || r.AuthorId == viewerId));
        if (viewerId is not null)
        {
            var blocked = Blocking.EitherWayOf(db, viewerId);
            replies = replies.Where(r => !blocked.Contains(r.AuthorId));
        }
        List<GroupReply> page;
        if (before is { } b)
            page = (await replies.Where(r => r.Id < b).OrderByDescending(r => r.Id).Take(ReplyPageSize + 1).AsNoTracking().ToListAsync()).AsEnumerable().Reverse().ToList();
        else
            page = await replies.Where(r => after == null || r.Id > after).OrderBy(r => r.Id).Take(ReplyPageSize + 1).AsNoTracking().ToListAsync();
        bool moreOlder, moreNewer;
        if (before is not null)
        {
            moreOlder = page.Count > ReplyPageSize;
            if (moreOlder) page.RemoveAt(0);
            moreNewer = true;
        }
        else
        {
            moreNewer = page.Count > ReplyPageSize;
            if (moreNewer) page.RemoveAt(page.Count - 1);
            moreOlder = after is not null && page.Count > 0 && await replies.AnyAsync(r => r.Id < page[0].Id);
        }

        var accepted = thread.AcceptedReplyId is { } acceptedId
            ? await replies.Where(r => r.Id == acceptedId && r.DeletedAt == null && r.RemovedAt == null).AsNoTracking().SingleOrDefaultAsync()
            : null;
        var all = page.Concat(accepted is null ? [] : [accepted]).ToList();
        var quoteIds = all.Select(r => r.QuoteReplyId).OfType<long>().Distinct().ToList();
        // From the same block-filtered replies: a quote never shows what the viewer may not see.
        var quotes = await replies.Where(r => quoteIds.Contains(r.Id)).Join(db.Users, r => r.AuthorId, u => u.Id,
            (r, u) => new { r.Id, u.DisplayName, r.Body, Gone = r.DeletedAt != null || r.RemovedAt != null || (r.HeldAt != null && r.AuthorId != viewerId) }).ToListAsync();
        var authorIds = all.Select(r => r.AuthorId).Distinct().ToList();
        var authors = await Authors(db.Users.Where(u => authorIds.Contains(u.Id)).Select(u => u.Id)).ToDictionaryAsync(a => a.Id);
        var replyIds = all.Select(r => r.Id).ToList();
        var liked = viewerId is null ? [] : (await db.GroupReplyLikes.Where(l => l.UserId == viewerId && replyIds.Contains(l.ReplyId)).Select(l => l.ReplyId).ToListAsync()).ToHashSet();
        var isModerator = GroupAccess.MayModerate(group, membership);

        ReplyView View(GroupReply r)
        {
            var quote = r.QuoteReplyId is { } q && quotes.SingleOrDefault(x => x.Id == q) is { } found
                ? new QuoteView(found.Id, found.DisplayName, found.Gone ? null : Excerpt(found.Body)) : null;
            var ownRemoved = r.IsRemoved && (r.AuthorId == viewerId || isModerator);
            return new ReplyView(r.Id, authors[r.AuthorId], r.IsGone && !(ownRemoved && !r.IsDeleted) ? "" : r.Body, quote, r.CreatedAt, r.EditedAt, r.IsDeleted, r.IsRemoved,
                ownRemoved ? r.RemovedReason : null, r.LikeCount, liked.Contains(r.Id), thread.MayEditReply(r, viewerId ?? "", limits.EditWindow, now),
                viewerId == r.AuthorId && !r.IsDeleted, r.Id == thread.AcceptedReplyId) { HeldForReview = r.HeldAt is not null };
        }

        var photos = (await db.GroupThreadPhotos.Where(p => p.ThreadId == thread.Id).OrderBy(p => p.Position).AsNoTracking().ToListAsync())
            .Select(p => new PhotoItem(p.Width, p.Height, p.DominantColor, p.ContentHash, p.WidthList, p.IsReady, thread.Title)).ToList();

        var threadLiked = viewerId is not null && await db.GroupThreadLikes.AnyAsync(l => l.ThreadId == thread.Id && l.UserId == viewerId);
        var watch = viewerId is null ? null : await db.ThreadWatches.Where(w => w.ThreadId == thread.Id && w.UserId == viewerId).Select(w => (WatchLevel?)w.Level).SingleOrDefaultAsync();
        long? firstUnreadAfter = null;
        if (viewerId is not null && await ThreadFollowing.LastReadAsync(db, thread.Id, viewerId) is { } lastRead
            && await replies.AnyAsync(r => r.Id > lastRead) && !(page.Count > 0 && page[0].Id > lastRead && after is null && before is null))
            firstUnreadAfter = lastRead;

        var handles = NoteText.Mentions(thread.Body).Concat(page.SelectMany(r => NoteText.Mentions(r.Body))).Distinct().ToList();
        var known = handles.Count == 0 ? [] : (await db.Users.Where(u => handles.Contains(u.Handle)).Select(u => u.Handle).ToListAsync()).ToHashSet();
        var moveTargets = isModerator && viewerId is not null
            ? await Cards(db.Groups.Where(g => g.Id != group.Id && g.DeletedAt == null
                && db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == viewerId && m.Status == MemberStatus.Active && m.Role >= GroupRole.Moderator)).OrderBy(g => g.Name)).ToListAsync()
            : [];

        return new ThreadPage(ToCard(group), thread.Id, thread.Title, thread.Body, thread.Kind, author, thread.CreatedAt, thread.EditedAt,
            thread.IsPinned(now), thread.PinnedUntil, thread.IsClosed, thread.IsRemoved, thread.IsRemoved ? thread.RemovedReason : null,
            thread.ReplyCount, thread.LikeCount, threadLiked, watch, photos, accepted is null ? null : View(accepted), page.Select(View).ToList(),
            moreOlder && page.Count > 0 ? page[0].Id : null, moreNewer && page.Count > 0 ? page[^1].Id : null, firstUnreadAfter, known, viewer,
            viewerId is not null, thread.MayEdit(viewerId ?? "", limits.EditWindow, now), moveTargets) { HeldForReview = thread.HeldAt is not null };
    }

    public async Task<MembersPage> MembersAsync(Group group, GroupMember? membership)
    {
        var rows = await db.GroupMembers.Where(m => m.GroupId == group.Id).OrderByDescending(m => m.Role).ThenBy(m => m.CreatedAt).Take(500)
            .Join(db.Users, m => m.UserId, u => u.Id,
                (m, u) => new MemberRow(new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey), m.Role, m.Status, m.MutedUntil, m.CreatedAt))
            .ToListAsync();
        rows = rows.Select(r => r.MutedUntil <= Now ? r with { MutedUntil = null } : r).ToList(); // a mute that ended is no mute
        var viewer = StandingOf(group, membership, Now);
        return new MembersPage(ToCard(group), viewer, rows.Where(r => r.Status == MemberStatus.Active).ToList(),
            viewer.IsModerator ? rows.Where(r => r.Status == MemberStatus.Pending).ToList() : [],
            viewer.IsModerator ? rows.Where(r => r.Status == MemberStatus.Banned).ToList() : [], group.SlowModeMinutes);
    }

    public async Task<LogPage> LogAsync(Group group, long? olderThan)
    {
        var actions = db.ModerationActions.Where(a => a.GroupId == group.Id);
        if (olderThan is not null) actions = actions.Where(a => a.Id < olderThan);
        var page = await actions.OrderByDescending(a => a.Id).Take(LogPageSize + 1).AsNoTracking().ToListAsync();
        var shown = page.Take(LogPageSize).ToList();
        var userIds = shown.Select(a => a.ModeratorId).Concat(shown.Select(a => a.TargetUserId).OfType<string>()).Distinct().ToList();
        var users = await Authors(db.Users.Where(u => userIds.Contains(u.Id)).Select(u => u.Id)).ToDictionaryAsync(a => a.Id);
        var threadIds = shown.Select(a => a.ThreadId).OfType<long>().Distinct().ToList();
        var titles = await db.GroupThreads.Where(t => threadIds.Contains(t.Id) && t.HeldAt == null).ToDictionaryAsync(t => t.Id, t => t.Title);
        var rows = shown.Where(a => users.ContainsKey(a.ModeratorId)).Select(a => new LogRow(users[a.ModeratorId], a.Kind,
            a.TargetUserId is { } target ? users.GetValueOrDefault(target) : null, a.ThreadId,
            a.ThreadId is { } id ? titles.GetValueOrDefault(id) : null, a.Reason, a.CreatedAt)).ToList();
        return new LogPage(ToCard(group), rows, page.Count > LogPageSize ? shown[^1].Id : null);
    }

    public async Task<ReportsPage> ReportsAsync(Group group)
    {
        var open = await db.Reports.Where(r => r.GroupId == group.Id && r.ResolvedAt == null).OrderBy(r => r.Id).Take(100).AsNoTracking().ToListAsync();
        var reporterIds = open.Select(r => r.ReporterId).Distinct().ToList();
        var reporters = await Authors(db.Users.Where(u => reporterIds.Contains(u.Id)).Select(u => u.Id)).ToDictionaryAsync(a => a.Id);
        var ids = open.Select(r => long.TryParse(r.TargetId, CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        // Held text is its author's alone (0036), moderators' included: such a row shows no text.
        var threads = await db.GroupThreads.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.HeldAt == null ? t.Title : null);
        var replies = await db.GroupReplies.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => new { r.ThreadId, Body = r.HeldAt == null ? r.Body : null });
        var rows = new List<ReportRow>();
        foreach (var report in open.Where(r => reporters.ContainsKey(r.ReporterId)))
        {
            if (!long.TryParse(report.TargetId, CultureInfo.InvariantCulture, out var id)) continue;
            if (report.Target == ReportTarget.Thread && threads.TryGetValue(id, out var title))
                rows.Add(new ReportRow(report.Id, reporters[report.ReporterId], report.Target, id, null, title, report.Category, report.Details, report.CreatedAt));
            else if (report.Target == ReportTarget.Reply && replies.TryGetValue(id, out var reply))
                rows.Add(new ReportRow(report.Id, reporters[report.ReporterId], report.Target, reply.ThreadId, id, reply.Body is null ? null : Excerpt(reply.Body), report.Category, report.Details, report.CreatedAt));
        }
        return new ReportsPage(ToCard(group), rows);
    }

    public static string Excerpt(string text) =>
        UserText.Length(text) <= ExcerptLength ? text : new StringInfo(text).SubstringByTextElements(0, ExcerptLength) + "…";
}
