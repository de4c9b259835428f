using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Web.Features.Notes;

namespace RedMvc.Web.Features.Profiles;

public record ProfilePage(AuthorView Person, string? Bio, string? Region, DateTime MemberSince, int Following, int Followers, int NoteCount,
    bool IsSelf, bool ViewerFollows, bool FollowsViewer, bool ViewerBlocked, IReadOnlyList<NoteCard> Notes);

public class ProfileQueries(AppDbContext db)
{
    public async Task<ProfilePage?> ProfileAsync(string handle, string? viewerId)
    {
        var normalized = AppUser.NormalizeHandle(handle);
        var person = await db.Users.AsNoTracking().Where(u => u.Handle == normalized)
            .Select(u => new { View = new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey), u.CreatedAt, u.Bio, u.Region }).SingleOrDefaultAsync();
        if (person is null) return null;
        var id = person.View.Id;
        // Someone who blocked the viewer does not exist for them; someone the viewer blocked shows only "Unblock".
        if (viewerId is not null && await db.Blocks.AnyAsync(b => b.BlockerId == id && b.BlockedId == viewerId)) return null;
        var viewerBlocked = viewerId is not null && await db.Blocks.AnyAsync(b => b.BlockerId == viewerId && b.BlockedId == id);
        var viewerFollows = viewerId is not null && await db.Follows.AnyAsync(f => f.FollowerId == viewerId && f.FolloweeId == id);
        var followsViewer = viewerId is not null && await db.Follows.AnyAsync(f => f.FollowerId == id && f.FolloweeId == viewerId);
        var isSelf = viewerId == id;
        var mutual = viewerFollows && followsViewer;

        // What this viewer may see: everything published for the owner, mutual-only notes for mutual followers.
        var visible = db.Notes.AsNoTracking().Where(n => n.AuthorId == id && n.Status == NoteStatus.Published
            && (isSelf || n.Visibility == NoteVisibility.Public || (mutual && n.Visibility == NoteVisibility.MutualFollowers)));
        var list = await visible.Include(n => n.Photos).OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Take(60).ToListAsync();

        return new ProfilePage(person.View, person.Bio, person.Region, person.CreatedAt,
            await db.Follows.CountAsync(f => f.FollowerId == id),
            await db.Follows.CountAsync(f => f.FolloweeId == id),
            await visible.CountAsync(),
            isSelf, viewerFollows, followsViewer, viewerBlocked,
            viewerBlocked ? [] : list.Select(n => new NoteCard(n.Id, n.Title, person.View,
                n.Photos.OrderBy(p => p.Position).Select(p => NoteQueries.ToView(p, n.Title)).FirstOrDefault(), n.PublishedAt, n.LikeCount)).ToList());
    }
}
