using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Social;

public enum CollectResult
{
    /// <summary>The note was not collected before; the count went up.</summary>
    Collected,

    /// <summary>It was collected into another of the member's boards and now sits in this one.</summary>
    Moved,

    /// <summary>It was already in this board.</summary>
    Unchanged,

    /// <summary>No such board among the member's own.</summary>
    BoardNotFound,
}

/// <summary>
/// Collects and boards. A member collects a note at most once, into one of their own boards; the stored
/// count changes with the collect row in one transaction, only when the row was really added or removed.
/// Every call names the member, and a board that is not theirs is the same as one that does not exist.
/// Whether the member may see the note is the caller's check, as for likes.
/// </summary>
public static class Collecting
{
    /// <summary>Collects into the board (the default board when null); collecting again into another board moves it there.</summary>
    public static async Task<CollectResult> CollectAsync(AppDbContext db, string userId, long noteId, long? boardId, DateTime now, CancellationToken cancellationToken = default)
    {
        var targetId = boardId ?? await DefaultBoardIdAsync(db, userId, now, cancellationToken);
        if (!await OwnsAsync(db, userId, targetId, cancellationToken)) return CollectResult.BoardNotFound;

        if (await AddAsync(db, userId, noteId, targetId, now, cancellationToken))
        {
            var authorId = await db.Notes.Where(n => n.Id == noteId).Select(n => n.AuthorId).SingleAsync(cancellationToken);
            await Notifier.NotifyAsync(db, Notification.About(NotificationKind.Collect, authorId, userId, noteId, null, now), cancellationToken);
            return CollectResult.Collected;
        }
        var moved = await db.Collects.Where(c => c.UserId == userId && c.NoteId == noteId && c.BoardId != targetId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardId, targetId), cancellationToken);
        return moved == 1 ? CollectResult.Moved : CollectResult.Unchanged;
    }

    /// <returns>True when this call removed the collect.</returns>
    public static async Task<bool> UncollectAsync(AppDbContext db, string userId, long noteId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Collects.Where(c => c.UserId == userId && c.NoteId == noteId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
            await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => n.CollectCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }

    /// <summary>Moves an already collected note to another of the member's boards.</summary>
    /// <returns>False when the note is not collected or the board is not the member's.</returns>
    public static async Task<bool> MoveAsync(AppDbContext db, string userId, long noteId, long toBoardId, CancellationToken cancellationToken = default)
    {
        if (!await OwnsAsync(db, userId, toBoardId, cancellationToken)) return false;
        var moved = await db.Collects.Where(c => c.UserId == userId && c.NoteId == noteId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardId, toBoardId), cancellationToken);
        return moved == 1;
    }

    /// <summary>Takes a note out of a board without un-collecting it: it falls back to the default board.</summary>
    /// <returns>False when the note is not in that board of the member's.</returns>
    public static async Task<bool> RemoveFromBoardAsync(AppDbContext db, string userId, long noteId, long boardId, DateTime now, CancellationToken cancellationToken = default)
    {
        var defaultId = await DefaultBoardIdAsync(db, userId, now, cancellationToken);
        var moved = await db.Collects.Where(c => c.UserId == userId && c.NoteId == noteId && c.BoardId == boardId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardId, defaultId), cancellationToken);
        return moved == 1;
    }

    /// <summary>Throws NoteRuleException (Board.Error.*) for a name the rules refuse; nothing is saved then.</summary>
    public static async Task<Board> CreateBoardAsync(AppDbContext db, string userId, string name, bool isPrivate, DateTime now, CancellationToken cancellationToken = default)
    {
        var board = Board.Create(userId, name, isPrivate, now);
        db.Boards.Add(board);
        await db.SaveChangesAsync(cancellationToken);
        return board;
    }

    /// <summary>Throws NoteRuleException for a refused name or the default board.</summary>
    /// <returns>False when the board is not the member's.</returns>
    public static async Task<bool> RenameBoardAsync(AppDbContext db, string userId, long boardId, string name, CancellationToken cancellationToken = default)
    {
        var board = await db.Boards.SingleOrDefaultAsync(b => b.Id == boardId && b.OwnerId == userId, cancellationToken);
        if (board is null) return false;
        board.Rename(name);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <returns>False when the board is not the member's.</returns>
    public static async Task<bool> SetPrivateAsync(AppDbContext db, string userId, long boardId, bool isPrivate, CancellationToken cancellationToken = default)
    {
        var board = await db.Boards.SingleOrDefaultAsync(b => b.Id == boardId && b.OwnerId == userId, cancellationToken);
        if (board is null) return false;
        board.SetPrivate(isPrivate);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes a board; its notes stay collected, in the default board. Throws NoteRuleException for the default board.</summary>
    /// <returns>False when the board is not the member's.</returns>
    public static async Task<bool> DeleteBoardAsync(AppDbContext db, string userId, long boardId, DateTime now, CancellationToken cancellationToken = default)
    {
        var board = await db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Id == boardId && b.OwnerId == userId, cancellationToken);
        if (board is null) return false;
        board.EnsureCanBeDeleted();
        var defaultId = await DefaultBoardIdAsync(db, userId, now, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Collects.Where(c => c.BoardId == boardId).ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardId, defaultId), cancellationToken);
        await db.Boards.Where(b => b.Id == boardId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The member's default board, made on first need; the unique index keeps it one even when two requests race.</summary>
    public static async Task<long> DefaultBoardIdAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var existing = await DefaultOfAsync(db, userId, cancellationToken);
        if (existing is not null) return existing.Value;
        var board = Board.DefaultFor(userId, now);
        db.Boards.Add(board);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return board.Id;
        }
        catch (DbUpdateException)
        {
            // Another request made it first: use theirs.
            db.Entry(board).State = EntityState.Detached;
            return await DefaultOfAsync(db, userId, cancellationToken) ?? throw new InvalidOperationException("The default board is missing after a conflict.");
        }
    }

    private static Task<long?> DefaultOfAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Boards.Where(b => b.OwnerId == userId && b.IsDefault).Select(b => (long?)b.Id).SingleOrDefaultAsync(cancellationToken);

    private static Task<bool> OwnsAsync(AppDbContext db, string userId, long boardId, CancellationToken cancellationToken) =>
        db.Boards.AnyAsync(b => b.Id == boardId && b.OwnerId == userId, cancellationToken);

    /// <returns>True when the collect row was added (and counted) by this call.</returns>
    private static async Task<bool> AddAsync(AppDbContext db, string userId, long noteId, long boardId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int added;
        try
        {
            // The board's owner is checked in the same statement, so a board deleted a moment ago is never used.
            added = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "Collects" ("UserId", "NoteId", "BoardId", "CreatedAt")
                SELECT {userId}, {noteId}, {boardId}, {now}
                WHERE EXISTS (SELECT 1 FROM "Boards" WHERE "Id" = {boardId} AND "OwnerId" = {userId})
                AND NOT EXISTS (SELECT 1 FROM "Collects" WHERE "UserId" = {userId} AND "NoteId" = {noteId})
                """, cancellationToken);
        }
        catch (DbException)
        {
            // Two clicks raced past NOT EXISTS and the key refused the second: it is already collected.
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
        if (added == 1)
            await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => n.CollectCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added == 1;
    }
}
