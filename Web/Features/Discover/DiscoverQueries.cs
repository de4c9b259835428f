using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Discover;

/// <summary>
/// The newest public notes, a page at a time by keyset (publish time, id), so a page costs the same
/// however deep the reader scrolls. Ranking and personal mixes replace the order later.
/// </summary>
public class DiscoverQueries(AppDbContext db)
{
    public const int PageSize = 24;

    public record FeedPage(IReadOnlyList<NoteCard> Cards, FeedCursor? Next);

    public Task<FeedPage> LatestAsync(string channel, FeedCursor? after, string? viewerId = null)
    {
        var notes = db.Notes.AsNoTracking().Where(n => n.Status == NoteStatus.Published && n.Visibility == NoteVisibility.Public);
        if (channel != Channels.Recommended) notes = notes.Where(n => n.Channel == channel);
        if (viewerId is not null)
        {
            // Never the people the member blocked, nor those who blocked the member.
            var blocked = db.Blocks.Where(b => b.BlockerId == viewerId).Select(b => b.BlockedId)
                .Concat(db.Blocks.Where(b => b.BlockedId == viewerId).Select(b => b.BlockerId));
            notes = notes.Where(n => !blocked.Contains(n.AuthorId));
        }
        return PageAsync(notes, after);
    }

    /// <summary>Notes of the people the member follows that the member may see, newest first.</summary>
    public Task<FeedPage> FollowingAsync(string memberId, FeedCursor? after)
    {
        var followed = db.Follows.Where(f => f.FollowerId == memberId).Select(f => f.FolloweeId);
        var followsMe = db.Follows.Where(f => f.FolloweeId == memberId).Select(f => f.FollowerId);
        var notes = db.Notes.AsNoTracking().Where(n => n.Status == NoteStatus.Published && followed.Contains(n.AuthorId)
            && (n.Visibility == NoteVisibility.Public || (n.Visibility == NoteVisibility.MutualFollowers && followsMe.Contains(n.AuthorId))));
        return PageAsync(notes, after);
    }

    private async Task<FeedPage> PageAsync(IQueryable<Note> notes, FeedCursor? after)
    {
        if (after is not null)
            notes = notes.Where(n => n.PublishedAt < after.PublishedAt || (n.PublishedAt == after.PublishedAt && n.Id < after.Id));

        var rows = await notes
            .Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new
            {
                n.Id, n.Title, n.PublishedAt, n.LikeCount,
                Author = new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey),
                Cover = n.Photos.OrderBy(p => p.Position).FirstOrDefault(),
            })
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
            .Take(PageSize + 1)
            .ToListAsync();

        var cards = rows.Take(PageSize).Select(r => new NoteCard(r.Id, r.Title, r.Author,
            r.Cover is null ? null : NoteQueries.ToView(r.Cover, r.Title), r.PublishedAt, r.LikeCount)).ToList();
        var next = rows.Count > PageSize ? new FeedCursor(cards[^1].PublishedAt!.Value, cards[^1].Id) : null;
        return new FeedPage(cards, next);
    }
}
