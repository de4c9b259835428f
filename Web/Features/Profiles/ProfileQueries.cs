using Dapper;

namespace RedMvc.Web.Features.Profiles;

public static class ProfileTabs
{
    public const string Notes = "notes";
    public const string Collects = "collects";
    public const string Likes = "likes";

    public static string Of(string? tab) => tab is Collects or Likes ? tab : Notes;
}

/// <summary>A board on the Collects tab; Name is null for the default board. The count and cover are of the notes the viewer may see.</summary>
public record BoardTile(long Id, string? Name, bool IsPrivate, int NoteCount, PhotoView? Cover);

/// <summary>A group the member is in, as the profile lists it.</summary>
public record ProfileGroup(long Id, string Name, string? AvatarKey)
{
    public AvatarView Avatar => new(Name, AvatarKey);
}

/// <summary>
/// A member's profile for one viewer. Notes holds the Notes or Likes tab's cards, Boards the Collects
/// tab's; NextCursor pages the Likes tab. CollectsHidden: the owner hid the Collects tab from others.
/// </summary>
public record ProfilePage(AuthorView Person, string? Bio, string? Region, DateTime MemberSince, int Following, int Followers, long NoteCount,
    long LikesAndCollects, bool IsSelf, bool ViewerFollows, bool FollowsViewer, bool ViewerBlocked,
    string Tab, bool CollectsHidden, IReadOnlyList<NoteCard> Notes, IReadOnlyList<BoardTile> Boards, string? NextCursor,
    IReadOnlyList<ProfileGroup>? Groups = null)
{
    public bool ShowsCollectsTab => IsSelf || !CollectsHidden;
}

public class ProfileQueries(AppDbContext db, NoteCards noteCards, SharedCache cache)
{
    public const int LikesPageSize = 24;

    public async Task<ProfilePage?> ProfileAsync(string handle, string? viewerId, string tab = ProfileTabs.Notes, FeedCursor? after = null)
    {
        var normalized = AppUser.NormalizeHandle(handle);
        var person = await db.Users.AsNoTracking().Where(u => u.Handle == normalized)
            .Select(u => new { View = new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey), u.CreatedAt, u.Bio, u.Region, u.HideCollects }).SingleOrDefaultAsync();
        if (person is null) return null;
        var id = person.View.Id;
        // Someone who blocked the viewer does not exist for them; someone the viewer blocked shows only "Unblock".
        var standing = await StandingAsync(id, viewerId);
        if (standing.BlockedViewer) return null;
        var (viewerBlocked, viewerFollows, followsViewer) = (standing.ViewerBlocked, standing.ViewerFollows, standing.FollowsViewer);
        var isSelf = viewerId == id;
        var mutual = viewerFollows && followsViewer;

        // The notes listed for this viewer (NoteAccess); someone who blocked the owner sees no notes, and counts them as a visitor would.
        var visible = db.Notes.AsNoTracking().Where(n => n.AuthorId == id).WhereListedFor(db, viewerBlocked ? null : viewerId);

        IReadOnlyList<NoteCard> notes = [];
        IReadOnlyList<BoardTile> boards = [];
        string? next = null;
        if (!viewerBlocked)
        {
            switch (tab)
            {
                case ProfileTabs.Collects when isSelf || !person.HideCollects:
                    boards = await BoardsAsync(id, viewerId, isSelf);
                    break;
                case ProfileTabs.Likes:
                    (notes, next) = await LikedAsync(id, viewerId, after);
                    break;
                case ProfileTabs.Notes:
                    var listed = await visible.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(60)
                        .Select(n => new { n.Id, n.LikeCount }).ToListAsync();
                    notes = await noteCards.WithContentAsync(listed.Select(n => (n.Id, n.LikeCount)).ToList());
                    break;
            }
        }

        return new ProfilePage(person.View, person.Bio, person.Region, person.CreatedAt,
            standing.Following, standing.Followers,
            await CountAsync($"profile-count:notes:{id}:{isSelf}:{mutual}", isSelf, () => visible.LongCountAsync()),
            await CountAsync($"profile-count:received:{id}", isSelf, () => db.Notes.Where(n => n.AuthorId == id && n.Status == NoteStatus.Published).SumAsync(n => (long)n.LikeCount + n.CollectCount)),
            isSelf, viewerFollows, followsViewer, viewerBlocked,
            tab, person.HideCollects, notes, boards, next, viewerBlocked ? [] : await GroupsAsync(id, isSelf));
    }

    /// <summary>The groups the member is in, most active first; private ones only on their own profile.</summary>
    private Task<List<ProfileGroup>> GroupsAsync(string memberId, bool isSelf) =>
        db.Groups.AsNoTracking().Where(g => g.DeletedAt == null && (isSelf || !g.IsPrivate)
                && db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == memberId && m.Status == RedMvc.Domain.Groups.MemberStatus.Active))
            .OrderByDescending(g => g.WeeklyPosts).ThenBy(g => g.Id).Take(12)
            .Select(g => new ProfileGroup(g.Id, g.Name, g.AvatarKey)).ToListAsync();

    private sealed class StandingRow
    {
        public int Following { get; init; }
        public int Followers { get; init; }
        public bool BlockedViewer { get; init; }
        public bool ViewerBlocked { get; init; }
        public bool ViewerFollows { get; init; }
        public bool FollowsViewer { get; init; }
    }

    /// <summary>The member's follow counts and how the viewer stands to them, in one statement (a visitor's @me is NULL: all false).</summary>
    private Task<StandingRow> StandingAsync(string memberId, string? viewerId) => db.WithConnectionAsync(connection => connection.QuerySingleAsync<StandingRow>("""
        SELECT
            (SELECT COUNT(*) FROM "Follows" f WHERE f."FollowerId" = @id) AS "Following",
            (SELECT COUNT(*) FROM "Follows" f WHERE f."FolloweeId" = @id) AS "Followers",
            CASE WHEN EXISTS (SELECT 1 FROM "Blocks" b WHERE b."BlockerId" = @id AND b."BlockedId" = @me) THEN 1 ELSE 0 END AS "BlockedViewer",
            CASE WHEN EXISTS (SELECT 1 FROM "Blocks" b WHERE b."BlockerId" = @me AND b."BlockedId" = @id) THEN 1 ELSE 0 END AS "ViewerBlocked",
            CASE WHEN EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = @me AND f."FolloweeId" = @id) THEN 1 ELSE 0 END AS "ViewerFollows",
            CASE WHEN EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = @id AND f."FolloweeId" = @me) THEN 1 ELSE 0 END AS "FollowsViewer"
        """, new { id = memberId, me = viewerId }));

    private static readonly TimeSpan CountsLifetime = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The two counts that add up every note of the member (10,000 rows for a big creator: tens of ms
    /// each, docs/benchmarks.md) are kept for a minute for other viewers, in the SharedCache so every
    /// node counts once; the owner always sees them fresh, and their fresh count is the one kept.
    /// </summary>
    private async Task<long> CountAsync(string key, bool fresh, Func<Task<long>> count)
    {
        if (!fresh) return await cache.GetOrCreateAsync(key, CountsLifetime, count);
        var value = await count();
        await cache.SetAsync(key, value, CountsLifetime);
        return value;
    }

    /// <summary>The member's boards this viewer may see (private ones only by the owner): three queries however many boards.</summary>
    private async Task<IReadOnlyList<BoardTile>> BoardsAsync(string ownerId, string? viewerId, bool isSelf)
    {
        var visibleNotes = db.Notes.WhereListedFor(db, viewerId);
        var boards = await db.Boards.AsNoTracking().Where(b => b.OwnerId == ownerId && (isSelf || !b.IsPrivate))
            .OrderByDescending(b => b.IsDefault).ThenByDescending(b => b.Id)
            .Select(b => new
            {
                b.Id, b.Name, b.IsDefault, b.IsPrivate,
                Count = db.Collects.Count(c => c.BoardId == b.Id && visibleNotes.Any(n => n.Id == c.NoteId)),
                LatestNoteId = db.Collects.Where(c => c.BoardId == b.Id && visibleNotes.Any(n => n.Id == c.NoteId))
                    .OrderByDescending(c => c.CreatedAt).Select(c => (long?)c.NoteId).FirstOrDefault(),
            })
            .ToListAsync();
        var coverNoteIds = boards.Select(b => b.LatestNoteId).OfType<long>().Distinct().ToList();
        var photos = await noteCards.CoversAsync(coverNoteIds);
        var covers = photos.ToDictionary(p => p.Key, p => (PhotoView?)PhotoView.Of(p.Value, ""));
        return boards.Select(b => new BoardTile(b.Id, b.IsDefault ? null : b.Name, b.IsPrivate, b.Count,
            b.LatestNoteId is { } noteId ? covers.GetValueOrDefault(noteId) : null)).ToList();
    }

    /// <summary>Notes the member liked that the viewer may see, newest like first, keyset-paged by (like time, note id).</summary>
    private async Task<(IReadOnlyList<NoteCard>, string?)> LikedAsync(string memberId, string? viewerId, FeedCursor? after)
    {
        var liked = db.NoteLikes.Where(l => l.UserId == memberId)
            .Join(db.Notes.WhereListedFor(db, viewerId), l => l.NoteId, n => n.Id, (l, n) => new TimedNote { At = l.CreatedAt, Note = n });
        return await noteCards.ByTimeAsync(liked, after, LikesPageSize);
    }
}
