using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;

namespace RedMvc.Web.Features.Notes;

/// <summary>
/// Cards for notes already chosen and ordered elsewhere (trending, the personal mix, a topic):
/// one query for the cards, one for the viewer's likes. Visibility is checked again here, so a
/// note deleted, hidden or blocked since it was ranked drops out instead of leaking.
/// </summary>
public class NoteCards(AppDbContext db)
{
    private sealed class CardRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public DateTime? PublishedAt { get; init; }
        public int LikeCount { get; init; }
        public AuthorView Author { get; init; } = null!;
        public NotePhoto? Cover { get; init; }
    }

    public async Task<IReadOnlyList<NoteCard>> LoadAsync(IReadOnlyList<long> ids, string? viewerId)
    {
        if (ids.Count == 0) return [];
        var rows = await Project(VisibleTo(db.Notes.AsNoTracking().Where(n => ids.Contains(n.Id)), viewerId)).ToListAsync();
        var byId = rows.ToDictionary(r => r.Id);
        var cards = ids.Where(byId.ContainsKey).Select(id => ToCard(byId[id])).ToList();
        return await WithLikesAsync(cards, viewerId);
    }

    /// <summary>Published notes this viewer may see in a feed: public ones, mutual-followers ones of mutual followers, never across a block.</summary>
    public IQueryable<Note> VisibleTo(IQueryable<Note> notes, string? viewerId)
    {
        notes = notes.Where(n => n.Status == NoteStatus.Published);
        if (viewerId is null) return notes.Where(n => n.Visibility == NoteVisibility.Public);
        var followed = db.Follows.Where(f => f.FollowerId == viewerId).Select(f => f.FolloweeId);
        var followsMe = db.Follows.Where(f => f.FolloweeId == viewerId).Select(f => f.FollowerId);
        var blocked = db.Blocks.Where(b => b.BlockerId == viewerId).Select(b => b.BlockedId)
            .Concat(db.Blocks.Where(b => b.BlockedId == viewerId).Select(b => b.BlockerId));
        return notes.Where(n => (n.Visibility == NoteVisibility.Public
                || (n.Visibility == NoteVisibility.MutualFollowers && followed.Contains(n.AuthorId) && followsMe.Contains(n.AuthorId)))
            && !blocked.Contains(n.AuthorId)
            && !db.NotInterested.Any(x => x.UserId == viewerId && x.NoteId == n.Id));
    }

    /// <summary>A page of cards straight from a query ordered newest first by keyset (publish time, id).</summary>
    public async Task<(IReadOnlyList<NoteCard> Cards, bool More)> NewestAsync(IQueryable<Note> notes, DateTime? beforePublishedAt, long beforeId, int pageSize, string? viewerId)
    {
        if (beforePublishedAt is { } at)
            notes = notes.Where(n => n.PublishedAt < at || (n.PublishedAt == at && n.Id < beforeId));
        var rows = await Project(notes).OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Take(pageSize + 1).ToListAsync();
        var cards = await WithLikesAsync(rows.Take(pageSize).Select(ToCard).ToList(), viewerId);
        return (cards, rows.Count > pageSize);
    }

    private IQueryable<CardRow> Project(IQueryable<Note> notes) =>
        notes.Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new CardRow
        {
            Id = n.Id, Title = n.Title, PublishedAt = n.PublishedAt, LikeCount = n.LikeCount,
            Author = new AuthorView(u.Id, u.Handle, u.DisplayName),
            Cover = n.Photos.OrderBy(p => p.Position).FirstOrDefault(),
        });

    private static NoteCard ToCard(CardRow r) =>
        new(r.Id, r.Title, r.Author, r.Cover is null ? null : NoteQueries.ToView(r.Cover, r.Title), r.PublishedAt, r.LikeCount);

    private async Task<IReadOnlyList<NoteCard>> WithLikesAsync(List<NoteCard> cards, string? viewerId)
    {
        if (viewerId is null || cards.Count == 0) return cards;
        var ids = cards.Select(c => c.Id).ToList();
        var liked = (await db.NoteLikes.Where(l => l.UserId == viewerId && ids.Contains(l.NoteId)).Select(l => l.NoteId).ToListAsync()).ToHashSet();
        return cards.Select(c => c with { ViewerLiked = liked.Contains(c.Id) }).ToList();
    }
}
