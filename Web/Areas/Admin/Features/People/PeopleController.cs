using RedMvc.Domain.Commerce;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Email;

namespace RedMvc.Web.Areas.Admin.Features.People;

public record PersonRow(string Handle, string DisplayName, string? Email, DateTime CreatedAt, bool Suspended, bool Muted);

public record PeoplePage(string? Query, IReadOnlyList<PersonRow> Found);

public record MemberNote(long Id, string Title, string State, DateTime? PublishedAt);

public record MemberReport(ReportTarget Target, string TargetId, ReportCategory Category, DateTime CreatedAt, ReportOutcome? Outcome);

public record MemberOrder(long Id, string Number, OrderStatus Status, long TotalFen, DateTime PlacedAt);

public record MemberPage(AppUser Member, IReadOnlyList<string> Roles, IReadOnlyList<MemberNote> Notes, IReadOnlyList<MemberReport> ReportsAgainst,
    int ReportsFiled, IReadOnlyList<Penalty> Penalties, IReadOnlyList<MemberOrder> Orders, IReadOnlyList<SignInRecord> SignIns,
    IReadOnlyList<StaffAuditEntry> History, bool ViewerIsAdmin, DateTime Now);

/// <summary>
/// Find members by handle, email or name; one member's page with what staff need to judge them, and the
/// account actions (suspend, restore, end sessions, password reset, roles for Admins). Each is audited.
/// </summary>
public class PeopleController(AppDbContext db, UserManager<AppUser> users, AccountEmails emails, PublicLinks links, ModerationEffects effects,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : AdminController
{
    public static readonly IReadOnlyList<string> ChangeableRoles = [Roles.Creator, Roles.Staff, Roles.Admin];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/admin/people")]
    public async Task<IActionResult> Index(string? q)
    {
        var term = q?.Trim().TrimStart('@') ?? "";
        if (term.Length == 0) return View(new PeoplePage(null, []));
        var upper = term.ToUpperInvariant();
        var found = await db.Users.AsNoTracking()
            .Where(u => u.Handle.Contains(term.ToLowerInvariant()) || u.DisplayName.Contains(term) || u.NormalizedEmail!.Contains(upper))
            .OrderBy(u => u.Handle).Take(50)
            .Select(u => new PersonRow(u.Handle, u.DisplayName, u.Email, u.CreatedAt, u.SuspendedAt != null, u.MutedUntil > Now)).ToListAsync();
        return View(new PeoplePage(q, found));
    }

    [HttpGet("/admin/people/{handle}")]
    public async Task<IActionResult> Show(string handle)
    {
        var member = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Handle == handle);
        return member is null ? NotFound() : View(await PageAsync(member));
    }

    [HttpPost("/admin/people/{handle}/suspend")]
    public Task<IActionResult> Suspend(string handle, ReportCategory rule, string? reason) => WithMemberAsync(handle, async member =>
    {
        var problem = await ModerationDesk.ActAsync(db, StaffActors.Of(HttpContext),
            new ModerationOrder(ReportTarget.Profile, member.Id, StaffDecision.Suspend, rule, reason), Now);
        if (problem is null)
        {
            await effects.AccountChangedAsync(member.Id);
            await effects.MemberToldAsync(member.Id);
        }
        return problem;
    }, "Admin.People.SuspendedDone");

    [HttpPost("/admin/people/{handle}/restore")]
    public Task<IActionResult> Restore(string handle, string? reason) => WithMemberAsync(handle, async member =>
    {
        var problem = await AccountStanding.RestoreAccountAsync(db, StaffActors.Of(HttpContext), member.Id, reason, Now);
        if (problem is null) await effects.AccountChangedAsync(member.Id);
        return problem;
    }, "Admin.People.RestoredDone");

    /// <summary>A new security stamp: every device signs in again (each node checks the stamp within minutes, and at once on this request's node).</summary>
    [HttpPost("/admin/people/{handle}/end-sessions")]
    public Task<IActionResult> EndSessions(string handle, string? reason) => WithMemberAsync(handle, async member =>
    {
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        var tracked = await users.FindByIdAsync(member.Id);
        await users.UpdateSecurityStampAsync(tracked!);
        await AuditAsync("account.end-sessions", member, "signed in", "signed out", why);
        return null;
    }, "Admin.People.SessionsEnded");

    [HttpPost("/admin/people/{handle}/password-reset")]
    public Task<IActionResult> PasswordReset(string handle, string? reason) => WithMemberAsync(handle, async member =>
    {
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        var token = await users.GeneratePasswordResetTokenAsync(member);
        var link = links.Absolute($"/account/reset-password?userId={Uri.EscapeDataString(member.Id)}&code={PublicLinks.EncodeToken(token)}");
        await emails.ResetPasswordAsync(member, link, requestId: Guid.NewGuid().ToString("N"));
        await AuditAsync("account.password-reset", member, null, "reset link sent", why);
        return null;
    }, "Admin.People.ResetSent");

    [HttpPost("/admin/people/{handle}/roles"), Authorize(Roles = Roles.Admin)]
    public Task<IActionResult> ChangeRole(string handle, string? role, bool grant, string? reason) => WithMemberAsync(handle, async member =>
    {
        if (role is null || !ChangeableRoles.Contains(role)) return "Admin.Error.Role";
        if (Reason(reason) is not { } why) return "Admin.Error.Reason";
        if (!grant && role == Roles.Admin && member.Id == User.Id()) return "Admin.Error.OwnAdmin";
        var tracked = await users.FindByIdAsync(member.Id);
        var before = string.Join(",", (await users.GetRolesAsync(tracked!)).Order());
        var result = grant ? await users.AddToRoleAsync(tracked!, role) : await users.RemoveFromRoleAsync(tracked!, role);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(tracked!); // the new roles reach the member's cookie at their next check
            await AuditAsync("account.roles", member, before, string.Join(",", (await users.GetRolesAsync(tracked!)).Order()), why);
        }
        return null;
    }, "Admin.People.RolesChanged");

    private async Task<IActionResult> WithMemberAsync(string handle, Func<AppUser, Task<string?>> act, string doneKey)
    {
        var member = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Handle == handle);
        if (member is null) return NotFound();
        var problem = await act(member);
        this.Flash(problem is null ? t[doneKey, member.Handle] : t[problem]);
        return Redirect($"/admin/people/{member.Handle}");
    }

    private static string? Reason(string? text) => Penalty.ReasonRule.Check(text) is { Problem: null } ok ? ok.Value : null;

    private async Task AuditAsync(string action, AppUser member, string? before, string? after, string reason)
    {
        db.StaffAudit.Add(StaffAuditEntry.Of(StaffActors.Of(HttpContext), action, "Profile", member.Id, member.Id, before, after, reason, Now));
        await db.SaveChangesAsync();
    }

    private async Task<MemberPage> PageAsync(AppUser member)
    {
        var notes = await db.Notes.AsNoTracking().Where(n => n.AuthorId == member.Id && n.Status != Domain.Notes.NoteStatus.Deleted)
            .OrderByDescending(n => n.Id).Take(20)
            .Select(n => new { n.Id, n.Title, n.Status, n.RemovedAt, n.ReachLimitedAt, n.PublishedAt }).ToListAsync();
        var against = await db.Reports.AsNoTracking().Where(r => r.TargetAuthorId == member.Id).OrderByDescending(r => r.Id).Take(20)
            .Select(r => new MemberReport(r.Target, r.TargetId, r.Category, r.CreatedAt, r.Outcome)).ToListAsync();
        var orders = await db.Orders.AsNoTracking().Where(o => o.BuyerId == member.Id).OrderByDescending(o => o.Id).Take(10)
            .Select(o => new MemberOrder(o.Id, o.Number, o.Status, o.SubtotalFen + o.ShippingFen, o.PlacedAt)).ToListAsync();
        var tracked = await users.FindByIdAsync(member.Id);
        return new MemberPage(member, (await users.GetRolesAsync(tracked!)).Order().ToList(),
            notes.Select(n => new MemberNote(n.Id, n.Title,
                n.RemovedAt is not null ? t["Admin.State.Removed"] : n.ReachLimitedAt is not null ? t["Admin.State.Limited"] : t[$"Note.Status.{n.Status}"], n.PublishedAt)).ToList(),
            against, await db.Reports.CountAsync(r => r.ReporterId == member.Id),
            await db.Penalties.AsNoTracking().Where(p => p.UserId == member.Id).OrderByDescending(p => p.Id).ToListAsync(),
            orders,
            await db.SignIns.AsNoTracking().Where(s => s.UserId == member.Id).OrderByDescending(s => s.Id).Take(20).ToListAsync(),
            await db.StaffAudit.AsNoTracking().Where(e => e.TargetUserId == member.Id).OrderByDescending(e => e.Id).Take(30).ToListAsync(),
            User.IsInRole(Roles.Admin), Now);
    }
}
