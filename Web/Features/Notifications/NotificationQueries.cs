using System.Globalization;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Notifications;

/// <summary>
/// The notifications page: a page of rows (single notifications, or groups on the likes tab), then a
/// fixed handful of queries for the people, notes, covers and comments they name. Rows whose note the
/// member may no longer see, or whose comment is gone, are left out.
/// </summary>
public class NotificationQueries(AppDbContext db, NoteCards noteCards)
{
    public const int PageSize = 30;
    public const int ActorsShown = 3;
    public const int ExcerptLength = 60;

    private record Row(long LatestId, NotificationKind Kind, long? NoteId, long? CommentId, int ActorCount, bool Unread, DateTime At, IReadOnlyList<string> ActorIds,
        long? GroupId = null, long? ThreadId = null, long? ReplyId = null);

    /// <returns>The page, and the newest notification id it covers (null when the tab is empty), up to which the tab is read.</returns>
    public async Task<(NotificationsPage Page, long? NewestId)> PageAsync(string memberId, NotificationTab tab, long? olderThan)
    {
        var rows = tab == NotificationTab.Likes ? await GroupsAsync(memberId, olderThan) : await SinglesAsync(memberId, tab, olderThan);
        var shown = rows.Take(PageSize).ToList();
        var page = new NotificationsPage(tab, await ItemsAsync(memberId, shown), rows.Count > PageSize ? shown[^1].LatestId : null);
        return (page, rows.Count > 0 ? rows[0].LatestId : null);
    }

    private async Task<List<Row>> SinglesAsync(string memberId, NotificationTab tab, long? olderThan)
    {
        var notifications = db.Notifications.Where(n => n.RecipientId == memberId && n.Tab == tab);
        if (olderThan is not null) notifications = notifications.Where(n => n.Id < olderThan);
        var rows = await notifications.OrderByDescending(n => n.Id).Take(PageSize + 1)
            .Select(n => new { n.Id, n.Kind, n.NoteId, n.CommentId, n.ActorId, n.CreatedAt, n.ReadAt, n.GroupId, n.ThreadId, n.ReplyId })
            .ToListAsync();
        return rows.Select(n => new Row(n.Id, n.Kind, n.NoteId, n.CommentId, 1, n.ReadAt == null, n.CreatedAt, [n.ActorId], n.GroupId, n.ThreadId, n.ReplyId)).ToList();
    }

    /// <summary>Everyone who did the same to the same thing is one row, ordered by its newest activity.</summary>
    private async Task<List<Row>> GroupsAsync(string memberId, long? olderThan)
    {
        var likes = db.Notifications.Where(n => n.RecipientId == memberId && n.Tab == NotificationTab.Likes);
        var groups = likes.GroupBy(n => new { n.Kind, n.SubjectKey })
            .Select(g => new
            {
                g.Key.Kind, g.Key.SubjectKey,
                NoteId = g.Max(n => n.NoteId), CommentId = g.Max(n => n.CommentId),
                GroupId = g.Max(n => n.GroupId), ThreadId = g.Max(n => n.ThreadId), ReplyId = g.Max(n => n.ReplyId),
                LatestId = g.Max(n => n.Id), At = g.Max(n => n.CreatedAt),
                Count = g.Count(), Unread = g.Count(n => n.ReadAt == null),
            });
        if (olderThan is not null) groups = groups.Where(g => g.LatestId < olderThan);
        var page = await groups.OrderByDescending(g => g.LatestId).Take(PageSize + 1).ToListAsync();

        var subjects = page.Select(g => g.SubjectKey).Distinct().ToList();
        var onPage = likes.Where(n => subjects.Contains(n.SubjectKey));
        var latest = await onPage.Select(n => new { n.Kind, n.SubjectKey }).Distinct()
            .Select(g => new
            {
                g.Kind, g.SubjectKey,
                ActorIds = onPage.Where(n => n.Kind == g.Kind && n.SubjectKey == g.SubjectKey)
                    .OrderByDescending(n => n.Id).Take(ActorsShown).Select(n => n.ActorId).ToList(),
            })
            .ToListAsync();
        var actorsOf = latest.ToDictionary(g => (g.Kind, g.SubjectKey), g => g.ActorIds);

        return page.Select(g => new Row(g.LatestId, g.Kind, g.NoteId, g.CommentId, g.Count, g.Unread > 0, g.At,
            actorsOf.GetValueOrDefault((g.Kind, g.SubjectKey)) ?? [], g.GroupId, g.ThreadId, g.ReplyId)).ToList();
    }

    private async Task<List<NotificationItem>> ItemsAsync(string memberId, List<Row> rows)
    {
        var actorIds = rows.SelectMany(r => r.ActorIds).Distinct().ToList();
        var actors = await db.Users.Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey));

        var commentIds = rows.Select(r => r.CommentId).OfType<long>().Distinct().ToList();
        var comments = await db.Comments.Where(c => commentIds.Contains(c.Id) && c.DeletedAt == null)
            .ToDictionaryAsync(c => c.Id, c => new { c.NoteId, c.Body });
        // A notification about a comment is about its note too, whether or not the writer stored the note.
        long? NoteOf(Row row) => row.NoteId ?? (row.CommentId is { } id && comments.TryGetValue(id, out var c) ? c.NoteId : null);

        var noteIds = rows.Select(NoteOf).OfType<long>().Distinct().ToList();
        var covers = await noteCards.CoversAsync(noteIds);
        var notes = (await db.Notes.AsNoTracking().Where(n => noteIds.Contains(n.Id)).ToListAsync())
            .ToDictionary(n => n.Id, n => new { Note = n, Cover = covers.GetValueOrDefault(n.Id) });
        var isVisible = await VisibilityAsync(memberId, notes.Values.Select(n => n.Note).ToList());

        var followerIds = rows.Where(r => r.Kind == NotificationKind.Follow).SelectMany(r => r.ActorIds).ToList();
        var followedBack = followerIds.Count == 0 ? [] : (await db.Follows
            .Where(f => f.FollowerId == memberId && followerIds.Contains(f.FolloweeId)).Select(f => f.FolloweeId).ToListAsync()).ToHashSet();

        var posts = await GroupPostsAsync(memberId, rows);

        var items = new List<NotificationItem>();
        foreach (var row in rows)
        {
            var rowActors = row.ActorIds.Where(actors.ContainsKey).Select(id => actors[id]).ToList();
            if (rowActors.Count == 0) continue;
            if (row.GroupId is { } groupId)
            {
                // A group notification whose thread or reply the member may no longer see is left out, like a note's.
                if (!posts.TryGetValue(groupId, out var group) || (row.ThreadId is { } t && !group.Threads.ContainsKey(t))
                    || (row.ReplyId is { } r && !group.Replies.ContainsKey(r))) continue;
                var link = new GroupPostLink(groupId, group.Name, row.ThreadId, row.ThreadId is { } tid ? group.Threads[tid] : null, row.ReplyId);
                var replyExcerpt = row.ReplyId is { } rid && row.Kind != NotificationKind.GroupReplyLike ? Excerpt(group.Replies[rid]) : null;
                items.Add(new NotificationItem(row.Kind, rowActors, row.ActorCount, row.Unread, row.At, null, null, replyExcerpt, false, link));
                continue;
            }
            string? excerpt = null;
            if (row.CommentId is { } commentId)
            {
                if (!comments.TryGetValue(commentId, out var comment)) continue;
                excerpt = Excerpt(comment.Body);
            }
            NoteLink? note = null;
            if (NoteOf(row) is { } noteId)
            {
                if (!notes.TryGetValue(noteId, out var found) || !isVisible(found.Note)) continue;
                note = new NoteLink(noteId, found.Note.Title, found.Cover is null ? null : PhotoView.Of(found.Cover, found.Note.Title));
            }
            items.Add(new NotificationItem(row.Kind, rowActors, row.ActorCount, row.Unread, row.At, note, row.CommentId, excerpt,
                followedBack.Contains(rowActors[0].Id)));
        }
        return items;
    }

    private sealed record GroupPosts(string Name, Dictionary<long, string> Threads, Dictionary<long, string> Replies);

    /// <summary>
    /// The groups, threads and replies a page of notifications names, kept only where the thread page's
    /// rule (GroupAccess) lets the member see them: a few queries for the whole page.
    /// </summary>
    private async Task<Dictionary<long, GroupPosts>> GroupPostsAsync(string memberId, List<Row> rows)
    {
        var groupIds = rows.Select(r => r.GroupId).OfType<long>().Distinct().ToList();
        if (groupIds.Count == 0) return [];
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToListAsync();
        var memberships = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == memberId && groupIds.Contains(m.GroupId)).ToDictionaryAsync(m => m.GroupId);
        var threadIds = rows.Select(r => r.ThreadId).OfType<long>().Distinct().ToList();
        var threads = await db.GroupThreads.AsNoTracking().Where(t => threadIds.Contains(t.Id)).ToListAsync();
        var authorIds = threads.Select(t => t.AuthorId).Distinct().ToList();
        var blocked = (await db.Blocks.Where(b => (b.BlockerId == memberId && authorIds.Contains(b.BlockedId)) || (b.BlockedId == memberId && authorIds.Contains(b.BlockerId)))
            .Select(b => b.BlockerId == memberId ? b.BlockedId : b.BlockerId).ToListAsync()).ToHashSet();
        var replyIds = rows.Select(r => r.ReplyId).OfType<long>().Distinct().ToList();
        var replies = await db.GroupReplies.AsNoTracking().Where(r => replyIds.Contains(r.Id) && r.DeletedAt == null && r.RemovedAt == null && r.HeldAt == null)
            .Select(r => new { r.Id, r.ThreadId, r.Body }).ToListAsync();
        var result = new Dictionary<long, GroupPosts>();
        foreach (var group in groups)
        {
            var membership = memberships.GetValueOrDefault(group.Id);
            if (!RedMvc.Domain.Groups.GroupAccess.MayRead(group, membership)) continue;
            var seen = threads.Where(t => t.GroupId == group.Id && RedMvc.Domain.Groups.GroupAccess.MaySee(t, group, membership, memberId, blocked.Contains(t.AuthorId)))
                .ToDictionary(t => t.Id, t => t.Title);
            result[group.Id] = new GroupPosts(group.Name, seen, replies.Where(r => seen.ContainsKey(r.ThreadId)).ToDictionary(r => r.Id, r => r.Body));
        }
        return result;
    }

    /// <summary>The note page's rule (NoteAccess) for a page of notes, in two queries.</summary>
    private async Task<Func<Note, bool>> VisibilityAsync(string memberId, List<Note> notes)
    {
        var relations = await NoteAccess.RelationsAsync(db, memberId, notes.Select(n => n.AuthorId).ToList());
        return note => NoteAccess.MaySee(note, memberId, relations.GetValueOrDefault(note.AuthorId));
    }

    private static string Excerpt(string text) =>
        UserText.Length(text) <= ExcerptLength ? text : new StringInfo(text).SubstringByTextElements(0, ExcerptLength) + "…";
}
