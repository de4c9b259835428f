using System.Globalization;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Profiles;

/// <summary>One person in a followers or following list. Mutual: they and the profile's owner follow each other.</summary>
public record PersonRow(AuthorView Person, string? Bio, bool Mutual, bool ViewerFollows);

public record PeoplePage(AuthorView Owner, string List, int Total, IReadOnlyList<PersonRow> People, string? Next);

/// <summary>Followers and following lists, newest follow first, keyset-paged by (follow time, person id).</summary>
public class PeopleQueries(AppDbContext db)
{
    public const string Followers = "followers";
    public const string Following = "following";
    public const int PageSize = 30;

    // A class with init properties, not a positional record: EF can filter on its members after the projection.
    private sealed class Edge
    {
        public string PersonId { get; init; } = "";
        public DateTime At { get; init; }
    }

    public async Task<PeoplePage?> ListAsync(string handle, string list, string? viewerId, string? after)
    {
        var normalized = AppUser.NormalizeHandle(handle);
        var owner = await db.Users.AsNoTracking().Where(u => u.Handle == normalized)
            .Select(u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey)).SingleOrDefaultAsync();
        if (owner is null || await Blocking.EitherBlockedAsync(db, viewerId, owner.Id)) return null;

        var edges = list == Followers
            ? db.Follows.Where(f => f.FolloweeId == owner.Id).Select(f => new Edge { PersonId = f.FollowerId, At = f.CreatedAt })
            : db.Follows.Where(f => f.FollowerId == owner.Id).Select(f => new Edge { PersonId = f.FolloweeId, At = f.CreatedAt });
        if (viewerId is not null)
        {
            var blocked = Blocking.EitherWayOf(db, viewerId);
            edges = edges.Where(e => !blocked.Contains(e.PersonId));
        }
        var total = await edges.CountAsync();
        if (Cursor.Parse(after) is { } cursor)
            edges = edges.Where(e => e.At < cursor.At || (e.At == cursor.At && string.Compare(e.PersonId, cursor.PersonId) < 0));
        // Ordered by the database alone, so the cursor compares ids the way the database sorts them.
        var rows = await edges.Join(db.Users, e => e.PersonId, u => u.Id, (e, u) => new { e.At, e.PersonId, u.Handle, u.DisplayName, u.AvatarKey, u.Bio })
            .OrderByDescending(r => r.At).ThenByDescending(r => r.PersonId).Take(PageSize + 1)
            .Select(r => new { r.At, Person = new AuthorView(r.PersonId, r.Handle, r.DisplayName, r.AvatarKey), r.Bio })
            .ToListAsync();
        var shown = rows.Take(PageSize).ToList();
        var ids = shown.Select(r => r.Person.Id).ToList();

        // Mutual with the owner: the edge the other way exists too.
        var otherWay = list == Followers
            ? db.Follows.Where(f => f.FollowerId == owner.Id && ids.Contains(f.FolloweeId)).Select(f => f.FolloweeId)
            : db.Follows.Where(f => f.FolloweeId == owner.Id && ids.Contains(f.FollowerId)).Select(f => f.FollowerId);
        var mutual = (await otherWay.ToListAsync()).ToHashSet();
        var viewerFollows = viewerId is null ? [] :
            (await db.Follows.Where(f => f.FollowerId == viewerId && ids.Contains(f.FolloweeId)).Select(f => f.FolloweeId).ToListAsync()).ToHashSet();

        var people = shown.Select(r => new PersonRow(r.Person, r.Bio, mutual.Contains(r.Person.Id), viewerFollows.Contains(r.Person.Id))).ToList();
        var next = rows.Count > PageSize ? new Cursor(shown[^1].At, shown[^1].Person.Id).ToString() : null;
        return new PeoplePage(owner, list, total, people, next);
    }

    private record Cursor(DateTime At, string PersonId)
    {
        public override string ToString() => $"{At.Ticks}_{PersonId}";

        public static Cursor? Parse(string? text)
        {
            var parts = (text ?? "").Split('_', 2);
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is > 0 and < 3155378975999999999 && parts[1].Length is > 0 and <= 450
                ? new Cursor(new DateTime(ticks, DateTimeKind.Utc), parts[1]) : null;
        }
    }
}
