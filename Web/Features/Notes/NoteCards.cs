using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;

namespace RedMvc.Web.Features.Notes;

/// <summary>
/// Cards for notes already chosen and ordered elsewhere (trending, the personal mix, a topic):
/// one query for the cards, one for their covers, one for the viewer's likes. Visibility is checked again here, so a
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
    }

    public async Task<IReadOnlyList<NoteCard>> LoadAsync(IReadOnlyList<long> ids, string? viewerId)
    {
        if (ids.Count == 0) return [];
        var rows = await Project(VisibleTo(db.Notes.AsNoTracking().Where(n => ids.Contains(n.Id)), viewerId)).ToListAsync();
        var byId = rows.ToDictionary(r => r.Id);
        return await CompleteAsync(ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), viewerId);
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
        return (await CompleteAsync(rows.Take(pageSize).ToList(), viewerId), rows.Count > pageSize);
    }

    private IQueryable<CardRow> Project(IQueryable<Note> notes) =>
        notes.Join(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new CardRow
        {
            Id = n.Id, Title = n.Title, PublishedAt = n.PublishedAt, LikeCount = n.LikeCount,
            Author = new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey),
        });

    /// <summary>
    /// Adds each card's cover (its first photo, by the (NoteId, Position) index; a cover inside the card
    /// query made the database number every photo of every note) and, for a member, their likes.
    /// </summary>
    private async Task<IReadOnlyList<NoteCard>> CompleteAsync(List<CardRow> rows, string? viewerId)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var covers = (await db.NotePhotos.AsNoTracking()
                .Where(p => ids.Contains(p.NoteId) && p.Position == db.NotePhotos.Where(q => q.NoteId == p.NoteId).Min(q => q.Position))
                .ToListAsync())
            .DistinctBy(p => p.NoteId).ToDictionary(p => p.NoteId);
        var liked = viewerId is null ? null
            : (await db.NoteLikes.Where(l => l.UserId == viewerId && ids.Contains(l.NoteId)).Select(l => l.NoteId).ToListAsync()).ToHashSet();
        return rows.Select(r => new NoteCard(r.Id, r.Title, r.Author,
            covers.TryGetValue(r.Id, out var cover) ? NoteQueries.ToView(cover, r.Title) : null,
            r.PublishedAt, r.LikeCount, liked?.Contains(r.Id))).ToList();
    }
}
