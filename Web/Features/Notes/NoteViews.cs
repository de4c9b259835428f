namespace RedMvc.Web.Features.Notes;

public record NoteDetails(
    long Id, string Title, string Body, string Channel, string? Place, NoteVisibility Visibility, bool AiAssisted,
    NoteStatus Status, DateTime? PublishedAt, DateTime? ScheduledFor, DateTime UpdatedAt, AuthorView Author,
    IReadOnlyList<PhotoView> Photos, IReadOnlyList<string> Topics, IReadOnlySet<string> MentionedHandles,
    bool ViewerIsAuthor, int LikeCount, bool ViewerLiked, int CommentCount, CommentPage Comments, int CollectCount, bool ViewerCollected)
{
    public bool PhotosPending => Photos.Any(p => p.Status == PhotoStatus.Pending);
    public PhotoView? Cover => Photos.FirstOrDefault();

    /// <summary>The signed-in viewer follows the author (the follow button beside the author's name).</summary>
    public bool ViewerFollowsAuthor { get; init; }

    /// <summary>Set when staff removed the note; only its author gets this far, and is shown why.</summary>
    public string? RemovalReason { get; init; }

    public bool ReachLimited { get; init; }

    /// <summary>Screening held it for review; only its author gets this far, and is told it waits.</summary>
    public bool HeldForReview { get; init; }

    /// <summary>Products, pins and the verified purchase; filled by the note page, empty elsewhere.</summary>
    public NoteShopView Shop { get; init; } = NoteShopView.Empty;
}

public record MyNoteRow(long Id, string Title, NoteStatus Status, DateTime UpdatedAt, DateTime? PublishedAt, DateTime? ScheduledFor,
    PhotoView? Cover, int PhotoCount, int PendingPhotos, int FailedPhotos);

public record MyNotesPage(string Tab, IReadOnlyList<MyNoteRow> Notes, int Published, int Drafts, int Scheduled);

public record CommentView(long Id, AuthorView Author, string Body, DateTime CreatedAt, bool IsDeleted, string? ReplyToHandle, bool CanDelete,
    IReadOnlyList<CommentView> Replies, int LikeCount = 0, bool ViewerLiked = false, string? RemovalReason = null,
    bool HeldForReview = false)
{
    /// <summary>Staff removed it; only its author is shown it, with the reason.</summary>
    public bool IsRemoved => RemovalReason is not null;
}

/// <summary>Top-level comments newest first, 20 at a time; OlderThan is the keyset for the next page.</summary>
public record CommentPage(IReadOnlyList<CommentView> Comments, long? OlderThan);
