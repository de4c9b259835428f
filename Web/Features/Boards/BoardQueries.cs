using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Boards;

/// <summary>Reads for boards: only notes the viewer may see, a page at a time by (collect time, note id).</summary>
public class BoardQueries(AppDbContext db, NoteCards noteCards)
{
    public const int PageSize = 24;

    /// <summary>
    /// The board as this viewer may see it, or null (a 404): a private board, or any board of someone who
    /// hides their collects, is the owner's alone; nothing crosses a block.
    /// </summary>
    public async Task<BoardPage?> BoardAsync(long id, string? viewerId, FeedCursor? after)
    {
        var found = await db.Boards.AsNoTracking().Where(b => b.Id == id)
            .Join(db.Users, b => b.OwnerId, u => u.Id, (b, u) => new { Board = b, Owner = new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey), u.HideCollects })
            .SingleOrDefaultAsync();
        if (found is null) return null;
        var isOwner = found.Board.OwnerId == viewerId;
        if (!isOwner && (found.Board.IsPrivate || found.HideCollects || await Blocking.EitherBlockedAsync(db, viewerId, found.Board.OwnerId))) return null;

        var inBoard = db.Collects.Where(c => c.BoardId == id)
            .Join(db.Notes.WhereListedFor(db, viewerId), c => c.NoteId, n => n.Id, (c, n) => new TimedNote { At = c.CreatedAt, Note = n });
        var count = await inBoard.CountAsync();
        var (cards, next) = await noteCards.ByTimeAsync(inBoard, after, PageSize);
        return new BoardPage(Summary(found.Board), found.Owner, isOwner, count, cards, next);
    }

    /// <summary>The board with the owner's controls, or null when the viewer does not own it.</summary>
    public async Task<BoardEditPage?> EditAsync(long id, string ownerId, FeedCursor? after, BoardForm? form = null)
    {
        var page = await BoardAsync(id, ownerId, after);
        if (page is null || !page.ViewerIsOwner) return null;
        var others = (await BoardsOfAsync(ownerId)).Where(b => b.Id != id).ToList();
        return new BoardEditPage(page, others, form ?? new BoardForm { Name = page.Board.Name, IsPrivate = page.Board.IsPrivate });
    }

    /// <summary>The member's boards to choose from, the default first, and where the note is now; null for a note that does not exist (whether the member may see it is the caller's check).</summary>
    public async Task<CollectPage?> CollectAsync(long noteId, string memberId, CollectForm form)
    {
        var title = await db.Notes.Where(n => n.Id == noteId).Select(n => n.Title).SingleOrDefaultAsync();
        if (title is null) return null;
        var current = await db.Collects.Where(c => c.UserId == memberId && c.NoteId == noteId).Select(c => (long?)c.BoardId).SingleOrDefaultAsync();
        return new CollectPage(noteId, title, await BoardsOfAsync(memberId), current, form);
    }

    public async Task<List<BoardSummary>> BoardsOfAsync(string ownerId)
    {
        var boards = await db.Boards.AsNoTracking().Where(b => b.OwnerId == ownerId)
            .OrderByDescending(b => b.IsDefault).ThenBy(b => b.Id).ToListAsync();
        return boards.Select(Summary).ToList();
    }

    private static BoardSummary Summary(Board board) => new(board.Id, board.IsDefault ? null : board.Name, board.IsPrivate);
}
