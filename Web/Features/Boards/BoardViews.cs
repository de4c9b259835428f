using System.ComponentModel.DataAnnotations;

namespace RedMvc.Web.Features.Boards;

/// <summary>A board as lists show it. Name is null for the default board, which each page names in the reader's language.</summary>
public record BoardSummary(long Id, string? Name, bool IsPrivate)
{
    public bool IsDefault => Name is null;
}

/// <summary>One page of a board's notes, newest collect first; NextCursor is the keyset for the next page.</summary>
public record BoardPage(BoardSummary Board, AuthorView Owner, bool ViewerIsOwner, int NoteCount, IReadOnlyList<NoteCard> Notes, string? NextCursor)
{
    public string MoreUrl(string path) => $"{path}?after={NextCursor}";
}

/// <summary>The owner's page for a board: its settings and, per note, where to move it.</summary>
public record BoardEditPage(BoardPage Page, IReadOnlyList<BoardSummary> OtherBoards, BoardForm Form);

/// <summary>Choosing (or making) the board a note goes into.</summary>
public record CollectPage(long NoteId, string NoteTitle, IReadOnlyList<BoardSummary> Boards, long? CurrentBoardId, CollectForm Form);

public class BoardForm
{
    [Display(Name = "Field.BoardName")]
    public string? Name { get; set; }

    [Display(Name = "Field.BoardPrivate")]
    public bool IsPrivate { get; set; }
}

public class CollectForm
{
    /// <summary>Empty for the default board.</summary>
    public long? BoardId { get; set; }

    /// <summary>When given, a new board with this name is made and the note goes there.</summary>
    [Display(Name = "Field.NewBoardName")]
    public string? NewBoardName { get; set; }

    [Display(Name = "Field.BoardPrivate")]
    public bool NewBoardPrivate { get; set; }
}
