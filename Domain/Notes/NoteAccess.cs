using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Notes;

/// <summary>
/// Who may see a note: the one home of the rule, in the three forms the code needs side by side: C# for
/// a note in hand, LINQ for EF lists, SQL for Dapper feeds. NoteAccessTests asks all three over every
/// status x visibility x relation x block and proves they agree. A new condition (removed by staff,
/// suspended author, limited reach) goes into all three forms here and into that matrix (docs/decisions/0016).
/// </summary>
/// <remarks>
/// MaySee. A deleted note: nobody. Its author: always, drafts, scheduled and removed notes included.
/// Anyone else: published notes only, not removed by staff, not held by screening, not by a suspended author, never across a
/// block either way, public ones, and mutual-followers ones when the two follow each other. Visitors:
/// published public notes, not removed, not held, not by a suspended author.
/// PublicReach: what may be shown to anyone without knowing who asks (trending, topics, the trends
/// job, product and shop pages): published public notes that others may see and whose reach staff did
/// not limit. Reach is about recommending, so it never
/// widens MaySee; member lists ask MaySee as well.
/// MayFind: what search shows: published notes the viewer may see, never only-me ones (not even to
/// their author, who finds them under "My notes"), and none whose reach staff limited, except to their author.
/// </remarks>
public static class NoteAccess
{
    public static bool MaySee(Note note, string? viewerId, ViewerRelation relation) =>
        note.Status != NoteStatus.Deleted
        && (note.AuthorId == viewerId
            || (note.Status == NoteStatus.Published && note.RemovedAt == null && note.HeldAt == null && note.AuthorSuspendedAt == null && !relation.Blocked
                && (note.Visibility == NoteVisibility.Public
                    || (note.Visibility == NoteVisibility.MutualFollowers && viewerId is not null && relation.Mutual))));

    public static IQueryable<Note> WhereMaySee(this IQueryable<Note> notes, AppDbContext db, string? viewerId)
    {
        // Not InPublicReach: reach (limited by staff, say) decides recommending, never what a visitor may open.
        if (viewerId is null)
            return notes.Where(n => n.Status == NoteStatus.Published && n.RemovedAt == null && n.HeldAt == null && n.AuthorSuspendedAt == null && n.Visibility == NoteVisibility.Public);
        var followed = db.Follows.Where(f => f.FollowerId == viewerId).Select(f => f.FolloweeId);
        var followsViewer = db.Follows.Where(f => f.FolloweeId == viewerId).Select(f => f.FollowerId);
        var blocked = Blocking.EitherWayOf(db, viewerId);
        return notes.Where(n => n.Status != NoteStatus.Deleted
            && (n.AuthorId == viewerId
                || (n.Status == NoteStatus.Published && n.RemovedAt == null && n.HeldAt == null && n.AuthorSuspendedAt == null && !blocked.Contains(n.AuthorId)
                    && (n.Visibility == NoteVisibility.Public
                        || (n.Visibility == NoteVisibility.MutualFollowers && followed.Contains(n.AuthorId) && followsViewer.Contains(n.AuthorId))))));
    }

    /// <summary>
    /// The SQL condition over the note row aliased <paramref name="note"/>, for the viewer in the
    /// parameter <paramref name="viewer"/> (NULL for a visitor: every comparison with it is then false).
    /// </summary>
    public static string MaySeeSql(string note, string viewer) => $"""
        ({note}."Status" <> {(int)NoteStatus.Deleted} AND ({note}."AuthorId" = {viewer} OR ({note}."Status" = {(int)NoteStatus.Published}
            AND {note}."RemovedAt" IS NULL AND {note}."HeldAt" IS NULL AND {note}."AuthorSuspendedAt" IS NULL
            AND NOT EXISTS (SELECT 1 FROM "Blocks" b WHERE (b."BlockerId" = {viewer} AND b."BlockedId" = {note}."AuthorId") OR (b."BlockerId" = {note}."AuthorId" AND b."BlockedId" = {viewer}))
            AND ({note}."Visibility" = {(int)NoteVisibility.Public} OR ({note}."Visibility" = {(int)NoteVisibility.MutualFollowers}
                AND EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = {viewer} AND f."FolloweeId" = {note}."AuthorId")
                AND EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = {note}."AuthorId" AND f."FolloweeId" = {viewer}))))))
        """;

    public static bool MayFind(Note note, string? viewerId, ViewerRelation relation) =>
        note.Status == NoteStatus.Published && note.Visibility != NoteVisibility.OnlyMe && MaySee(note, viewerId, relation)
        && (note.ReachLimitedAt == null || note.AuthorId == viewerId);

    /// <summary>MayFind as SQL over the note row aliased <paramref name="note"/>, for the viewer in <paramref name="viewer"/> (as MaySeeSql).</summary>
    public static string MayFindSql(string note, string viewer) => $"""
        ({note}."Status" = {(int)NoteStatus.Published} AND {note}."Visibility" <> {(int)NoteVisibility.OnlyMe}
            AND ({note}."ReachLimitedAt" IS NULL OR {note}."AuthorId" = {viewer}) AND {MaySeeSql(note, viewer)})
        """;

    /// <summary>
    /// Lists (feeds, boards, profiles, likes) show published notes only, even to their author, who
    /// finds drafts and scheduled notes under "My notes".
    /// </summary>
    public static IQueryable<Note> WhereListedFor(this IQueryable<Note> notes, AppDbContext db, string? viewerId) =>
        notes.WhereMaySee(db, viewerId).Where(n => n.Status == NoteStatus.Published);

    public static bool IsInPublicReach(Note note) => note.Status == NoteStatus.Published && note.Visibility == NoteVisibility.Public
        && note.RemovedAt == null && note.HeldAt == null && note.ReachLimitedAt == null && note.AuthorSuspendedAt == null;

    public static readonly Expression<Func<Note, bool>> InPublicReach =
        n => n.Status == NoteStatus.Published && n.Visibility == NoteVisibility.Public
            && n.RemovedAt == null && n.HeldAt == null && n.ReachLimitedAt == null && n.AuthorSuspendedAt == null;

    public static string PublicReachSql(string note) =>
        $"({note}.\"Status\" = {(int)NoteStatus.Published} AND {note}.\"Visibility\" = {(int)NoteVisibility.Public}"
        + $" AND {note}.\"RemovedAt\" IS NULL AND {note}.\"HeldAt\" IS NULL AND {note}.\"ReachLimitedAt\" IS NULL AND {note}.\"AuthorSuspendedAt\" IS NULL)";

    /// <summary>How the viewer stands to one author: two small indexed queries, none for a visitor or the author.</summary>
    public static async Task<ViewerRelation> RelationAsync(AppDbContext db, string? viewerId, string authorId, CancellationToken cancellationToken = default)
    {
        if (viewerId is null || viewerId == authorId) return default;
        var follows = await db.Follows.CountAsync(f =>
            (f.FollowerId == viewerId && f.FolloweeId == authorId) || (f.FollowerId == authorId && f.FolloweeId == viewerId), cancellationToken);
        return new ViewerRelation(follows == 2, await Blocking.EitherBlockedAsync(db, viewerId, authorId, cancellationToken));
    }

    /// <summary>
    /// How one member stands to each of many others, in two queries. The relation is symmetric, so this
    /// serves a viewer with many authors (a page of notifications) and an author with many viewers (who may hear of a note).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, ViewerRelation>> RelationsAsync(
        AppDbContext db, string memberId, IReadOnlyCollection<string> otherIds, CancellationToken cancellationToken = default)
    {
        var others = otherIds.Where(id => id != memberId).Distinct().ToList();
        if (others.Count == 0) return new Dictionary<string, ViewerRelation>();
        var blocked = (await db.Blocks
            .Where(b => (b.BlockerId == memberId && others.Contains(b.BlockedId)) || (b.BlockedId == memberId && others.Contains(b.BlockerId)))
            .Select(b => b.BlockerId == memberId ? b.BlockedId : b.BlockerId).ToListAsync(cancellationToken)).ToHashSet();
        var mutual = await Following.MutualFollowersAmongAsync(db, memberId, others, cancellationToken);
        return others.ToDictionary(id => id, id => new ViewerRelation(mutual.Contains(id), blocked.Contains(id)));
    }

    /// <summary>Whether this viewer may see (and so like, collect or comment on) the note; false when there is no such note.</summary>
    public static async Task<bool> CanSeeAsync(AppDbContext db, long noteId, string? viewerId, CancellationToken cancellationToken = default)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken);
        return note is not null && MaySee(note, viewerId, await RelationAsync(db, viewerId, note.AuthorId, cancellationToken));
    }
}
