using RedMvc.Domain.Notes;

namespace RedMvc.Web.Features.Notes;

public record PhotoView(long Id, PhotoStatus Status, string? FailureReason, int Width, int Height, string? DominantColor,
    string? ContentHash, IReadOnlyList<int> Widths, string Alt)
{
    public bool IsReady => Status == PhotoStatus.Ready && ContentHash is not null && Widths.Count > 0;

    public string SrcSet(string extension) =>
        string.Join(", ", Widths.Select(w => $"/media/{NotePhoto.PublicKey(ContentHash!, w, extension)} {w}w"));

    public string Src(string extension) => $"/media/{NotePhoto.PublicKey(ContentHash!, Widths.Max(), extension)}";

    /// <summary>Height for the rendered width, so the page reserves the space before the photo arrives.</summary>
    public int HeightAt(int width) => Width == 0 ? width * 4 / 3 : (int)Math.Round((double)Height * width / Width);
}

public record AuthorView(string Id, string Handle, string DisplayName, string? AvatarKey)
{
    public AvatarView Avatar => new(DisplayName, AvatarKey);
}

/// <summary>What an avatar needs: the name (for the initial and alt text) and the processed photo, if any.</summary>
public record AvatarView(string Name, string? Key, bool Pending = false);

public record NoteDetails(
    long Id, string Title, string Body, string Channel, string? Place, NoteVisibility Visibility, bool AiAssisted,
    NoteStatus Status, DateTime? PublishedAt, DateTime? ScheduledFor, DateTime UpdatedAt, AuthorView Author,
    IReadOnlyList<PhotoView> Photos, IReadOnlyList<string> Topics, IReadOnlySet<string> MentionedHandles,
    bool ViewerIsAuthor, int LikeCount, bool ViewerLiked, int CommentCount, CommentPage Comments, int CollectCount, bool ViewerCollected)
{
    public bool PhotosPending => Photos.Any(p => p.Status == PhotoStatus.Pending);
    public PhotoView? Cover => Photos.FirstOrDefault();

    /// <summary>Products, pins and the verified purchase; filled by the note page, empty elsewhere.</summary>
    public NoteProducts.NoteShopView Shop { get; init; } = NoteProducts.NoteShopView.Empty;
}

public record MyNoteRow(long Id, string Title, NoteStatus Status, DateTime UpdatedAt, DateTime? PublishedAt, DateTime? ScheduledFor,
    PhotoView? Cover, int PhotoCount, int PendingPhotos, int FailedPhotos);

public record MyNotesPage(string Tab, IReadOnlyList<MyNoteRow> Notes, int Published, int Drafts, int Scheduled);

/// <summary>
/// A waterfall card. ViewerLiked is null where the page did not look it up (then no like button);
/// Reason says why the personal mix shows it.
/// </summary>
public record NoteCard(long Id, string Title, AuthorView Author, PhotoView? Cover, DateTime? PublishedAt, int LikeCount = 0,
    bool? ViewerLiked = null, RedMvc.Domain.Ranking.MixReason? Reason = null);

public record CommentView(long Id, AuthorView Author, string Body, DateTime CreatedAt, bool IsDeleted, string? ReplyToHandle, bool CanDelete,
    IReadOnlyList<CommentView> Replies, int LikeCount = 0, bool ViewerLiked = false);

/// <summary>Top-level comments newest first, 20 at a time; OlderThan is the keyset for the next page.</summary>
public record CommentPage(IReadOnlyList<CommentView> Comments, long? OlderThan);
