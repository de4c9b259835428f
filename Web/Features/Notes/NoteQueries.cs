using Dapper;
using Microsoft.Extensions.Caching.Memory;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Notes;

/// <summary>Reads for the note pages: projections, no tracking.</summary>
public class NoteQueries(AppDbContext db, IMemoryCache memory)
{
    /// <summary>How long this node keeps a note's text, photos and author; an edit forgets it at once (PublicPages).</summary>
    private static readonly TimeSpan ContentKept = TimeSpan.FromSeconds(30);

    public static object ContentKey(long noteId) => ("note-page", noteId);

    /// <summary>What the note page shows the same to every viewer and that changes only with an edit.</summary>
    private sealed record NoteContent(Note Note, AuthorView Author, IReadOnlySet<string> MentionedHandles);

    /// <summary>What changes with every click or depends on the viewer, read on every request.</summary>
    private sealed class LiveRow
    {
        public NoteStatus Status { get; init; }
        public NoteVisibility Visibility { get; init; }
        public int LikeCount { get; init; }
        public int CommentCount { get; init; }
        public int CollectCount { get; init; }
        public bool MaySee { get; init; }
        public bool Liked { get; init; }
        public bool Collected { get; init; }
        public bool FollowsAuthor { get; init; }
        public string? RemovalReason { get; init; }
        public DateTime? ReachLimitedAt { get; init; }
        public DateTime? HeldAt { get; init; }
    }

    /// <summary>
    /// The note as this viewer may see it, or null (a 404) when they may not. Whether they may (NoteAccess
    /// in SQL), the counts and the viewer's like, collect and follow come from one statement per request; the
    /// text, photos and author from this node's copy.
    /// </summary>
    public async Task<NoteDetails?> DetailsAsync(long id, string? viewerId, long? commentsOlderThan = null)
    {
        var live = await LiveAsync(id, viewerId);
        if (live is not { MaySee: true } || await ContentAsync(id) is not { } content) return null;
        var note = content.Note;
        return new NoteDetails(note.Id, note.Title, note.Body, note.Channel, note.Place, live.Visibility, note.AiAssisted,
            live.Status, note.PublishedAt, note.ScheduledFor, note.UpdatedAt, content.Author,
            note.Photos.OrderBy(p => p.Position).Select(p => PhotoView.Of(p, note.Title)).ToList(),
            note.Topics.Select(t => t.Topic.Name).ToList(),
            content.MentionedHandles,
            note.AuthorId == viewerId, live.LikeCount, live.Liked,
            live.CommentCount, await CommentsAsync(id, note.AuthorId, viewerId, commentsOlderThan),
            live.CollectCount, live.Collected)
        {
            ViewerFollowsAuthor = viewerId is not null && viewerId != note.AuthorId && live.FollowsAuthor,
            RemovalReason = live.RemovalReason,
            ReachLimited = live.ReachLimitedAt is not null,
            HeldForReview = live.HeldAt is not null,
        };
    }

    private async Task<LiveRow?> LiveAsync(long id, string? viewerId)
    {
        var sql = $"""
            SELECT n."Status", n."Visibility", n."LikeCount", n."CommentCount", n."CollectCount", n."RemovalReason", n."ReachLimitedAt", n."HeldAt",
                CASE WHEN {NoteAccess.MaySeeSql("n", "@me")} THEN 1 ELSE 0 END AS "MaySee",
                CASE WHEN EXISTS (SELECT 1 FROM "NoteLikes" l WHERE l."NoteId" = n."Id" AND l."UserId" = @me) THEN 1 ELSE 0 END AS "Liked",
                CASE WHEN EXISTS (SELECT 1 FROM "Collects" c WHERE c."NoteId" = n."Id" AND c."UserId" = @me) THEN 1 ELSE 0 END AS "Collected",
                CASE WHEN EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = @me AND f."FolloweeId" = n."AuthorId") THEN 1 ELSE 0 END AS "FollowsAuthor"
            FROM "Notes" n WHERE n."Id" = @id
            """;
        return await db.WithConnectionAsync(connection => connection.QuerySingleOrDefaultAsync<LiveRow>(sql, new { id, me = viewerId }));
    }

    /// <summary>The note's content from this node's memory, or read (four small queries) and kept unless a photo is still processing.</summary>
    private async Task<NoteContent?> ContentAsync(long id)
    {
        if (memory.TryGetValue(ContentKey(id), out NoteContent? kept)) return kept;
        var note = await db.Notes.AsNoTracking()
            .Include(n => n.Photos).Include(n => n.Topics).ThenInclude(t => t.Topic).Include(n => n.Mentions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == id);
        if (note is null) return null;
        var author = await db.Users.Where(u => u.Id == note.AuthorId).Select(u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey)).SingleAsync();
        var mentionIds = note.Mentions.Select(m => m.UserId).ToList();
        var handles = await db.Users.Where(u => mentionIds.Contains(u.Id)).Select(u => u.Handle).ToListAsync();
        var content = new NoteContent(note, author, handles.ToHashSet());
        // A photo's job finishes without telling this copy: such a note is read again next time.
        if (note.Photos.All(p => p.Status != PhotoStatus.Pending)) memory.Set(ContentKey(id), content, ContentKept);
        return content;
    }

    public const int CommentPageSize = 20;

    /// <summary>One page of top-level comments with all their replies: two queries plus one for the names and one for the viewer's likes.</summary>
    private async Task<CommentPage> CommentsAsync(long noteId, string noteAuthorId, string? viewerId, long? olderThan)
    {
        // Comments by people the viewer blocked, or who blocked the viewer, are left out.
        var hidden = Blocking.EitherWayOf(db, viewerId);
        var top = await db.Comments.AsNoTracking()
            .Where(c => c.NoteId == noteId && c.ParentId == null && (olderThan == null || c.Id < olderThan) && !hidden.Contains(c.AuthorId)
                && ((c.RemovedAt == null && c.HeldAt == null) || c.AuthorId == viewerId))
            .OrderByDescending(c => c.Id).Take(CommentPageSize + 1).ToListAsync();
        var shown = top.Take(CommentPageSize).ToList();
        var ids = shown.Select(c => c.Id).ToList();
        var replies = await db.Comments.AsNoTracking()
            .Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value) && !hidden.Contains(c.AuthorId)
                && ((c.RemovedAt == null && c.HeldAt == null) || c.AuthorId == viewerId)).OrderBy(c => c.Id).ToListAsync();
        var userIds = shown.Concat(replies).SelectMany(c => new[] { c.AuthorId, c.ReplyToUserId }).OfType<string>().Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey));
        var commentIds = shown.Concat(replies).Select(c => c.Id).ToList();
        var liked = viewerId is null ? [] : (await db.CommentLikes
            .Where(l => l.UserId == viewerId && commentIds.Contains(l.CommentId)).Select(l => l.CommentId).ToListAsync()).ToHashSet();

        CommentView View(Comment c, IReadOnlyList<CommentView> children) => new(
            c.Id, users[c.AuthorId], c.Body, c.CreatedAt, c.DeletedAt is not null,
            c.ParentId is not null && c.ReplyToUserId is { } to && users.TryGetValue(to, out var target) ? target.Handle : null,
            viewerId is not null && c.DeletedAt is null && c.CanBeDeletedBy(viewerId, noteAuthorId),
            children, c.LikeCount, liked.Contains(c.Id), c.RemovalReason, c.HeldAt is not null);

        var views = shown
            .Select(c => View(c, replies.Where(r => r.ParentId == c.Id && r.DeletedAt is null).Select(r => View(r, [])).ToList()))
            .Where(v => !v.IsDeleted || v.Replies.Count > 0) // a deleted comment stays only to hold its replies
            .ToList();
        return new CommentPage(views, top.Count > CommentPageSize ? shown[^1].Id : null);
    }

    public async Task<MyNotesPage> MineAsync(string authorId, string tab)
    {
        var status = tab switch { "drafts" => NoteStatus.Draft, "scheduled" => NoteStatus.Scheduled, _ => NoteStatus.Published };
        var counts = await db.Notes.Where(n => n.AuthorId == authorId && n.Status != NoteStatus.Deleted)
            .GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var notes = await db.Notes.AsNoTracking().Include(n => n.Photos)
            .Where(n => n.AuthorId == authorId && n.Status == status)
            .OrderByDescending(n => n.UpdatedAt).Take(100).ToListAsync();
        int Count(NoteStatus s) => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0;
        return new MyNotesPage(tab,
            notes.Select(n => new MyNoteRow(n.Id, n.Title, n.Status, n.UpdatedAt, n.PublishedAt, n.ScheduledFor,
                n.Photos.OrderBy(p => p.Position).Select(p => PhotoView.Of(p, n.Title)).FirstOrDefault(), n.Photos.Count,
                n.Photos.Count(p => p.Status == PhotoStatus.Pending), n.Photos.Count(p => p.Status == PhotoStatus.Failed))).ToList(),
            Count(NoteStatus.Published), Count(NoteStatus.Draft), Count(NoteStatus.Scheduled));
    }
}
