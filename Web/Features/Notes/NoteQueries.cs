using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Notes;

/// <summary>Reads for the note pages: projections, no tracking.</summary>
public class NoteQueries(AppDbContext db)
{
    /// <summary>The note as this viewer may see it, or null (a 404) when they may not.</summary>
    public async Task<NoteDetails?> DetailsAsync(long id, string? viewerId, long? commentsOlderThan = null)
    {
        var note = await db.Notes.AsNoTracking()
            .Include(n => n.Photos).Include(n => n.Topics).ThenInclude(t => t.Topic).Include(n => n.Mentions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == id);
        if (note is null || !NoteAccess.MaySee(note, viewerId, await NoteAccess.RelationAsync(db, viewerId, note.AuthorId))) return null;

        var author = await db.Users.Where(u => u.Id == note.AuthorId).Select(u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey)).SingleAsync();
        var mentionIds = note.Mentions.Select(m => m.UserId).ToList();
        var handles = await db.Users.Where(u => mentionIds.Contains(u.Id)).Select(u => u.Handle).ToListAsync();
        return new NoteDetails(note.Id, note.Title, note.Body, note.Channel, note.Place, note.Visibility, note.AiAssisted,
            note.Status, note.PublishedAt, note.ScheduledFor, note.UpdatedAt, author,
            note.Photos.OrderBy(p => p.Position).Select(p => PhotoView.Of(p, note.Title)).ToList(),
            note.Topics.Select(t => t.Topic.Name).ToList(),
            handles.ToHashSet(),
            note.AuthorId == viewerId, note.LikeCount,
            viewerId is not null && await db.NoteLikes.AnyAsync(l => l.NoteId == id && l.UserId == viewerId),
            note.CommentCount, await CommentsAsync(id, note.AuthorId, viewerId, commentsOlderThan),
            note.CollectCount, viewerId is not null && await db.Collects.AnyAsync(c => c.NoteId == id && c.UserId == viewerId))
        {
            ViewerFollowsAuthor = viewerId is not null && viewerId != note.AuthorId
                && await db.Follows.AnyAsync(f => f.FollowerId == viewerId && f.FolloweeId == note.AuthorId),
        };
    }

    public const int CommentPageSize = 20;

    /// <summary>One page of top-level comments with all their replies: two queries plus one for the names and one for the viewer's likes.</summary>
    private async Task<CommentPage> CommentsAsync(long noteId, string noteAuthorId, string? viewerId, long? olderThan)
    {
        // Comments by people the viewer blocked, or who blocked the viewer, are left out.
        var hidden = db.Blocks.Where(b => b.BlockerId == viewerId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == viewerId).Select(b => b.BlockerId));
        var top = await db.Comments.AsNoTracking()
            .Where(c => c.NoteId == noteId && c.ParentId == null && (olderThan == null || c.Id < olderThan) && !hidden.Contains(c.AuthorId))
            .OrderByDescending(c => c.Id).Take(CommentPageSize + 1).ToListAsync();
        var shown = top.Take(CommentPageSize).ToList();
        var ids = shown.Select(c => c.Id).ToList();
        var replies = await db.Comments.AsNoTracking()
            .Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value) && !hidden.Contains(c.AuthorId)).OrderBy(c => c.Id).ToListAsync();
        var userIds = shown.Concat(replies).SelectMany(c => new[] { c.AuthorId, c.ReplyToUserId }).OfType<string>().Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey));
        var commentIds = shown.Concat(replies).Select(c => c.Id).ToList();
        var liked = viewerId is null ? [] : (await db.CommentLikes
            .Where(l => l.UserId == viewerId && commentIds.Contains(l.CommentId)).Select(l => l.CommentId).ToListAsync()).ToHashSet();

        CommentView View(Comment c, IReadOnlyList<CommentView> children) => new(
            c.Id, users[c.AuthorId], c.Body, c.CreatedAt, c.DeletedAt is not null,
            c.ParentId is not null && c.ReplyToUserId is { } to && users.TryGetValue(to, out var target) ? target.Handle : null,
            viewerId is not null && c.DeletedAt is null && c.CanBeDeletedBy(viewerId, noteAuthorId),
            children, c.LikeCount, liked.Contains(c.Id));

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
