namespace RedMvc.Web.Features.Shared;

/// <summary>
/// A waterfall card. ViewerLiked is null where the page did not look it up (then no like button);
/// Reason says why the personal mix shows it; Match, the words a search matched.
/// </summary>
public record NoteCard(long Id, string Title, AuthorView Author, PhotoView? Cover, DateTime? PublishedAt, int LikeCount = 0,
    bool? ViewerLiked = null, RedMvc.Domain.Ranking.MixReason? Reason = null, MatchedText? Match = null);
