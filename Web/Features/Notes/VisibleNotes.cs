namespace RedMvc.Web.Features.Notes;

/// <summary>The list form of Note.IsVisibleTo, for pages that show other people's notes (boards, likes).</summary>
public static class VisibleNotes
{
    /// <summary>
    /// Published notes this viewer may see: public ones, their own, mutual-only ones of mutual followers;
    /// never notes of someone the viewer blocked or who blocked the viewer.
    /// </summary>
    public static IQueryable<Note> VisibleTo(this IQueryable<Note> notes, AppDbContext db, string? viewerId)
    {
        notes = notes.Where(n => n.Status == NoteStatus.Published);
        if (viewerId is null) return notes.Where(n => n.Visibility == NoteVisibility.Public);
        var followed = db.Follows.Where(f => f.FollowerId == viewerId).Select(f => f.FolloweeId);
        var followsViewer = db.Follows.Where(f => f.FolloweeId == viewerId).Select(f => f.FollowerId);
        var blocked = db.Blocks.Where(b => b.BlockerId == viewerId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == viewerId).Select(b => b.BlockerId));
        return notes.Where(n => !blocked.Contains(n.AuthorId)
            && (n.Visibility == NoteVisibility.Public || n.AuthorId == viewerId
                || (n.Visibility == NoteVisibility.MutualFollowers && followed.Contains(n.AuthorId) && followsViewer.Contains(n.AuthorId))));
    }
}
