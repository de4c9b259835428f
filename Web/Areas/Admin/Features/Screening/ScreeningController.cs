using RedMvc.Domain.Moderation;
using RedMvc.Web.Areas.Admin.Features.Shared;

namespace RedMvc.Web.Areas.Admin.Features.Screening;

public record PhraseRow(long Id, string Phrase, ScreenAction Action, string? Note, string AddedByHandle, DateTime AddedAt);

public record HeldRow(HeldPost Post, string AuthorHandle, string ReviewLink);

public class PhraseForm
{
    public string? Phrase { get; set; }
    public ScreenAction Action { get; set; } = ScreenAction.Hold;
    public string? Note { get; set; }
}

public record ScreeningPage(IReadOnlyList<PhraseRow> Phrases, IReadOnlyList<HeldRow> Held, PhraseForm Form);

/// <summary>
/// The screening list (add, remove) and the posts it held (approve, remove). Each change is audited in
/// Domain; this node forgets its copy of the list at once, other nodes within Screening.RefreshEvery.
/// </summary>
public class ScreeningController(AppDbContext db, RedMvc.Domain.Moderation.Screening screening, ModerationEffects effects, PublicPages pages, MessagePush push,
    StaffNames names, TimeProvider clock, IStringLocalizer<SharedResource> t) : AdminController
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/admin/screening")]
    public async Task<IActionResult> Index() => View(await PageAsync(new PhraseForm()));

    [HttpPost("/admin/screening/phrases")]
    public async Task<IActionResult> Add(PhraseForm form)
    {
        if (await ScreeningList.AddAsync(db, StaffActors.Of(HttpContext), form.Phrase, form.Action, form.Note, Now) is { } refused)
        {
            ModelState.AddModelError(refused.Field, t[refused.Error, ScreenedPhrase.PhraseMaxLength, ScreenedPhrase.NoteMaxLength]);
            return View(nameof(Index), await PageAsync(form));
        }
        screening.Forget();
        this.Flash(t["Admin.Screening.Added"]);
        return Redirect("/admin/screening");
    }

    [HttpPost("/admin/screening/phrases/{id:long}/remove")]
    public async Task<IActionResult> Remove(long id)
    {
        await ScreeningList.RemoveAsync(db, StaffActors.Of(HttpContext), id, Now);
        screening.Forget();
        this.Flash(t["Admin.Screening.Removed"]);
        return Redirect("/admin/screening");
    }

    [HttpPost("/admin/screening/held/{kind}/{id}/approve")]
    public async Task<IActionResult> Approve(ReportTarget kind, string id)
    {
        var problem = await HeldPosts.ApproveAsync(db, StaffActors.Of(HttpContext), kind, id, Now);
        if (problem == "Admin.Error.NoTarget") return NotFound();
        await ChangedAsync(kind, id);
        // As when it was sent unheld: the recipient's open page and badge hear of it now.
        if (kind == ReportTarget.Message && long.TryParse(id, out var messageId))
            await push.SentAsync(await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId));
        this.Flash(t[problem ?? "Admin.Screening.Approved"]);
        return Redirect("/admin/screening#held");
    }

    [HttpPost("/admin/screening/held/{kind}/{id}/remove")]
    public async Task<IActionResult> RemoveHeld(ReportTarget kind, string id, ReportCategory rule, string? reason)
    {
        var author = (await ModeratedContent.FindAsync(db, kind, id))?.AuthorId;
        var problem = await HeldPosts.RemoveAsync(db, StaffActors.Of(HttpContext), kind, id, rule, reason, Now);
        if (problem == "Admin.Error.NoTarget") return NotFound();
        if (problem is null)
        {
            await ChangedAsync(kind, id);
            if (author is not null) await AuthorToldAsync(author);
        }
        this.Flash(t[problem ?? "Admin.Screening.HeldRemoved"]);
        return Redirect("/admin/screening#held");
    }

    private async Task<ScreeningPage> PageAsync(PhraseForm form)
    {
        var phrases = await db.ScreenedPhrases.AsNoTracking().OrderBy(p => p.Action).ThenBy(p => p.Phrase).ToListAsync();
        var held = await HeldPosts.QueueAsync(db);
        var handles = await names.HandlesAsync(phrases.Select(p => p.AddedById).Concat(held.Select(h => h.AuthorId)));
        return new ScreeningPage(
            phrases.Select(p => new PhraseRow(p.Id, p.Phrase, p.Action, p.Note, handles.GetValueOrDefault(p.AddedById, "?"), p.AddedAt)).ToList(),
            held.Select(h => new HeldRow(h, handles.GetValueOrDefault(h.AuthorId, "?"), AdminLinks.Review(h.Kind, h.TargetId))).ToList(),
            form);
    }

    /// <summary>Kept visitor pages of what changed go at once.</summary>
    /// <summary>A removal through the staff desk is a strike, as from the reports queue: the author hears of it by mail, and a suspension it led to takes effect.</summary>
    private async Task AuthorToldAsync(string authorId)
    {
        if (await db.Users.AnyAsync(u => u.Id == authorId && u.SuspendedAt != null)) await effects.AccountChangedAsync(authorId);
        await effects.MemberToldAsync(authorId);
    }

    private async Task ChangedAsync(ReportTarget kind, string id)
    {
        await effects.ContentChangedAsync(kind, id);
        if (kind == ReportTarget.Profile) await pages.MemberChangedAsync(id);
    }
}
