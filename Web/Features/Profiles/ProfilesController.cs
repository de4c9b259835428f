using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Profiles;

public class ProfilesController(AppDbContext db, ProfileQueries queries, TimeProvider clock) : Controller
{
    private string? ViewerId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    [HttpGet("/u/{handle}")]
    public async Task<IActionResult> Show(string handle)
    {
        var profile = await queries.ProfileAsync(handle, ViewerId);
        return profile is null ? NotFound() : View(profile);
    }

    /// <summary>Following twice is the same as once (the pair is the key).</summary>
    [HttpPost("/u/{handle}/follow"), Authorize]
    public async Task<IActionResult> Follow(string handle)
    {
        var followeeId = await IdOfAsync(handle);
        if (followeeId is null || followeeId == ViewerId || await Blocking.EitherBlockedAsync(db, ViewerId, followeeId)) return NotFound();
        if (!await db.Follows.AnyAsync(f => f.FollowerId == ViewerId && f.FolloweeId == followeeId))
        {
            db.Follows.Add(new Follow(ViewerId!, followeeId, clock.GetUtcNow().UtcDateTime));
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException) { /* a double click raced us to the same row: already following */ }
        }
        return Redirect($"/u/{handle}");
    }

    [HttpPost("/u/{handle}/unfollow"), Authorize]
    public async Task<IActionResult> Unfollow(string handle)
    {
        var followeeId = await IdOfAsync(handle);
        if (followeeId is null) return NotFound();
        await db.Follows.Where(f => f.FollowerId == ViewerId && f.FolloweeId == followeeId).ExecuteDeleteAsync();
        return Redirect($"/u/{handle}");
    }

    [HttpPost("/u/{handle}/block"), Authorize]
    public async Task<IActionResult> Block(string handle)
    {
        var blockedId = await IdOfAsync(handle);
        if (blockedId is null || blockedId == ViewerId) return NotFound();
        await Blocking.BlockAsync(db, ViewerId!, blockedId, clock.GetUtcNow().UtcDateTime);
        return Redirect($"/u/{handle}");
    }

    [HttpPost("/u/{handle}/unblock"), Authorize]
    public async Task<IActionResult> Unblock(string handle)
    {
        var blockedId = await IdOfAsync(handle);
        if (blockedId is null) return NotFound();
        await Blocking.UnblockAsync(db, ViewerId!, blockedId);
        return Redirect($"/u/{handle}");
    }

    private Task<string?> IdOfAsync(string handle)
    {
        var normalized = RedMvc.Domain.Accounts.AppUser.NormalizeHandle(handle);
        return db.Users.Where(u => u.Handle == normalized).Select(u => u.Id).SingleOrDefaultAsync();
    }
}
