using RedMvc.Domain.Notes;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Social;

/// <summary>
/// A member's named collection of collected notes. Every member has one default board (created on
/// the first collect) that cannot be deleted; a note taken out of another board falls back to it,
/// because removing from a board does not un-collect.
/// </summary>
public class Board
{
    public const int NameMaxLength = 12;
    public static readonly TextRule NameRule = TextRule.Line(NameMaxLength, required: true);

    private Board() { }

    public long Id { get; private set; }
    public string OwnerId { get; private set; } = "";

    /// <summary>Empty for the default board, whose name the page shows in the reader's language.</summary>
    public string Name { get; private set; } = "";
    public bool IsPrivate { get; private set; }
    public bool IsDefault { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Board Create(string ownerId, string name, bool isPrivate, DateTime now)
    {
        var board = new Board { OwnerId = ownerId, IsPrivate = isPrivate, CreatedAt = now };
        board.Rename(name);
        return board;
    }

    public static Board DefaultFor(string ownerId, DateTime now) =>
        new() { OwnerId = ownerId, IsDefault = true, CreatedAt = now };

    public void Rename(string name)
    {
        if (IsDefault) throw new NoteRuleException("Board.Error.Default");
        var text = NameRule.Check(name);
        if (text.ErrorKey("Board.Error.NameRequired", "Board.Error.NameTooLong") is { } error) throw new NoteRuleException(error);
        Name = text.Value;
    }

    public void SetPrivate(bool isPrivate) => IsPrivate = isPrivate;

    /// <summary>The default board holds what the other boards give back, so it stays.</summary>
    public void EnsureCanBeDeleted()
    {
        if (IsDefault) throw new NoteRuleException("Board.Error.Default");
    }

    public bool IsVisibleTo(string? viewerId) => !IsPrivate || viewerId == OwnerId;
}

/// <summary>One member collected one note, into one of their boards. The pair is the key.</summary>
public class Collect
{
    private Collect() { }

    public Collect(string userId, long noteId, long boardId, DateTime now)
    {
        UserId = userId;
        NoteId = noteId;
        BoardId = boardId;
        CreatedAt = now;
    }

    public string UserId { get; private set; } = "";
    public long NoteId { get; private set; }
    public long BoardId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
