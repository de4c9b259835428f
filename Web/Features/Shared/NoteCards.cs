using Dapper;
using Microsoft.Extensions.Caching.Memory;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// Cards for notes already chosen and ordered elsewhere (trending, the personal mix, a topic). Per
/// request, one query asks which of the notes this viewer may have in a feed, with their like counts
/// and the viewer's likes; so a note deleted, hidden or blocked since it was ranked drops out instead
/// of leaking. What a card shows that rarely changes (title, author, cover) is kept on this node for
/// a short while (CardContent): the same cards are shown to every member, many times a minute.
/// </summary>
public class NoteCards(AppDbContext db, IMemoryCache memory)
{
    /// <summary>How long this node keeps a card's content; an edit or deletion forgets it at once (PublicPages).</summary>
    private static readonly TimeSpan ContentKept = TimeSpan.FromSeconds(30);

    /// <summary>The parts of a card that change only when the note or its author is edited.</summary>
    private sealed record CardContent(string Title, AuthorView Author, PhotoView? Cover, DateTime? PublishedAt)
    {
        public NoteCard ToCard(long id, int likeCount, bool? viewerLiked) => new(id, Title, Author, Cover, PublishedAt, likeCount, viewerLiked);
    }

    public static object ContentKey(long noteId) => ("card", noteId);

    private sealed class LiveRow
    {
        public long Id { get; init; }
        public int LikeCount { get; init; }
        public bool Liked { get; init; }
    }

    private sealed class CardRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public DateTime? PublishedAt { get; init; }
        public int LikeCount { get; init; }
        public AuthorView Author { get; init; } = null!;

        /// <summary>The time a time-keyed list sorts by (collected, liked); unused elsewhere.</summary>
        public DateTime At { get; init; }
    }

    public async Task<IReadOnlyList<NoteCard>> LoadAsync(IReadOnlyList<long> ids, string? viewerId)
    {
        if (ids.Count == 0) return [];
        var live = await LiveAsync(ids, viewerId);
        var contents = await ContentsAsync(live.Keys);
        return ids.Where(id => live.ContainsKey(id) && contents.ContainsKey(id))
            .Select(id => contents[id].ToCard(id, live[id].LikeCount, viewerId is null ? null : live[id].Liked)).ToList();
    }

    /// <summary>Cards for notes the caller listed itself (visibility applied), in its order, with their content from the node copy.</summary>
    public async Task<IReadOnlyList<NoteCard>> WithContentAsync(IReadOnlyList<(long Id, int LikeCount)> notes)
    {
        var contents = await ContentsAsync(notes.Select(n => n.Id));
        return notes.Where(n => contents.ContainsKey(n.Id)).Select(n => contents[n.Id].ToCard(n.Id, n.LikeCount, viewerLiked: null)).ToList();
    }

    /// <summary>
    /// The notes of the list this viewer may have in a feed (InFeedsOf, in SQL: NoteAccess.MaySeeSql,
    /// published, not only-me, not dismissed), with what changes with every click. Plain SQL: EF would
    /// build the statement again for every length of the id list.
    /// </summary>
    private async Task<Dictionary<long, LiveRow>> LiveAsync(IReadOnlyList<long> ids, string? viewerId)
    {
        var sql = $"""
            SELECT n."Id", n."LikeCount",
                CASE WHEN EXISTS (SELECT 1 FROM "NoteLikes" l WHERE l."NoteId" = n."Id" AND l."UserId" = @me) THEN 1 ELSE 0 END AS "Liked"
            FROM "Notes" n
            WHERE {SqlDialect.For(db).InList("n.\"Id\"", "@ids")} AND n."Status" = {(int)NoteStatus.Published} AND n."Visibility" <> {(int)NoteVisibility.OnlyMe}
                AND {NoteAccess.MaySeeSql("n", "@me")}
                AND NOT EXISTS (SELECT 1 FROM "NotInterested" x WHERE x."UserId" = @me AND x."NoteId" = n."Id")
            """;
        var rows = await db.WithConnectionAsync(connection => connection.QueryAsync<LiveRow>(sql, new { ids = ids.Distinct().ToArray(), me = viewerId }));
        return rows.ToDictionary(r => r.Id);
    }

    /// <summary>Each note's card content: from this node's memory, the missing ones in two queries (cards with authors, covers).</summary>
    private async Task<Dictionary<long, CardContent>> ContentsAsync(IEnumerable<long> ids)
    {
        var contents = new Dictionary<long, CardContent>();
        var missing = new List<long>();
        foreach (var id in ids)
        {
            if (memory.TryGetValue(ContentKey(id), out CardContent? kept)) contents[id] = kept!;
            else missing.Add(id);
        }
        if (missing.Count == 0) return contents;
        var rows = await Project(db.Notes.AsNoTracking().Where(n => missing.Contains(n.Id))).ToListAsync();
        var covers = await CoversAsync(missing);
        foreach (var row in rows)
        {
            var cover = covers.TryGetValue(row.Id, out var photo) ? PhotoView.Of(photo, row.Title) : null;
            var content = new CardContent(row.Title, row.Author, cover, row.PublishedAt);
            // A cover still processing changes without an edit: such a card is read again next time.
            if (cover is null || cover.Status == PhotoStatus.Ready) memory.Set(ContentKey(row.Id), content, ContentKept);
            contents[row.Id] = content;
        }
        return contents;
    }

    /// <summary>
    /// Notes for this viewer's feeds: those listed for them (NoteAccess), less their own only-me notes
    /// and the notes they marked "not interested".
    /// </summary>
    public IQueryable<Note> InFeedsOf(string? viewerId, IQueryable<Note>? notes = null)
    {
        notes = (notes ?? db.Notes.AsNoTracking()).WhereListedFor(db, viewerId).Where(n => n.Visibility != NoteVisibility.OnlyMe);
        return viewerId is null ? notes : notes.Where(n => !db.NotInterested.Any(x => x.UserId == viewerId && x.NoteId == n.Id));
    }

    /// <summary>The notes of public places (product, shop and topic pages, newest on discover): in public reach, less this viewer's blocks and dismissals.</summary>
    public IQueryable<Note> PublicFeedOf(string? viewerId) => InFeedsOf(viewerId).Where(NoteAccess.InPublicReach);

    /// <summary>
    /// A page of cards from a list keyed by its own time (a board by collect time, the Likes tab by
    /// like time), newest first, keyset-paged by (time, note id). The notes come as they are; the
    /// caller applies visibility.
    /// </summary>
    public async Task<(IReadOnlyList<NoteCard> Cards, string? Next)> ByTimeAsync(IQueryable<TimedNote> notes, FeedCursor? after, int pageSize)
    {
        if (after is not null)
            notes = notes.Where(r => r.At < after.PublishedAt || (r.At == after.PublishedAt && r.Note.Id < after.Id));
        var rows = await notes
            .Join(db.Users, r => r.Note.AuthorId, u => u.Id, (r, u) => new CardRow
            {
                Id = r.Note.Id, Title = r.Note.Title, PublishedAt = r.Note.PublishedAt, LikeCount = r.Note.LikeCount, At = r.At,
                Author = new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey),
            })
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
            .Take(pageSize + 1)
            .ToListAsync();
        var shown = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? new FeedCursor(shown[^1].At, shown[^1].Id).ToString() : null;
        return (await CompleteAsync(shown, viewerId: null), next);
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
    /// Each note's first photo, by the (NoteId, Position) index. Never select a cover inside a list
    /// query (n.Photos.OrderBy(...).FirstOrDefault()): the database then numbers every photo of every
    /// note on each request, seconds at a million notes (docs/benchmarks.md).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, NotePhoto>> CoversAsync(IReadOnlyCollection<long> noteIds) =>
        noteIds.Count == 0 ? new Dictionary<long, NotePhoto>() : (await db.NotePhotos.AsNoTracking()
                .Where(p => noteIds.Contains(p.NoteId) && p.Position == db.NotePhotos.Where(q => q.NoteId == p.NoteId).Min(q => q.Position))
                .ToListAsync())
            .DistinctBy(p => p.NoteId).ToDictionary(p => p.NoteId);

    /// <summary>
    /// Adds each card's cover and, for a member, their likes.
    /// </summary>
    private async Task<IReadOnlyList<NoteCard>> CompleteAsync(List<CardRow> rows, string? viewerId)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var covers = await CoversAsync(ids);
        var liked = viewerId is null ? null
            : (await db.NoteLikes.Where(l => l.UserId == viewerId && ids.Contains(l.NoteId)).Select(l => l.NoteId).ToListAsync()).ToHashSet();
        return rows.Select(r => new NoteCard(r.Id, r.Title, r.Author,
            covers.TryGetValue(r.Id, out var cover) ? PhotoView.Of(cover, r.Title) : null,
            r.PublishedAt, r.LikeCount, liked?.Contains(r.Id))).ToList();
    }
}
