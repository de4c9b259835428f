using RedMvc.Domain.Email;
using RedMvc.Workers.Email;

namespace RedMvc.Web.Features.Unsubscribe;

/// <summary>
/// The links in notification mail, which work without signing in: the one-click unsubscribe (RFC 8058)
/// and the page of every choice. Opening a link changes nothing (mail scanners follow links); a POST does.
/// A forged, changed or cut-short link changes nothing and says so.
/// </summary>
[AllowAnonymous]
public class UnsubscribeController(AppDbContext db, UnsubscribeLinks links, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("/unsubscribe/{token}")]
    public IActionResult Confirm(string token) =>
        links.ReadUnsubscribe(token) is { } request ? View(Page(token, request)) : Invalid();

    /// <summary>
    /// Mail programs POST "List-Unsubscribe=One-Click" here with no antiforgery token and no cookie, so this one
    /// action is exempt (docs/decisions/0050): the signed token in the address is what a forger cannot make.
    /// The answer is a 200 page, for the program and for a person who pressed the button on the confirm page.
    /// </summary>
    [HttpPost("/unsubscribe/{token}"), IgnoreAntiforgeryToken]
    public async Task<IActionResult> Unsubscribe(string token)
    {
        if (links.ReadUnsubscribe(token) is not { } request) return Invalid();
        if (await db.Users.AnyAsync(u => u.Id == request.UserId))
            await EmailPreferences.TurnOffAsync(db, request.UserId, request.Categories);
        return View("Done", Page(token, request));
    }

    [HttpGet("/email-preferences/{token}")]
    public async Task<IActionResult> Preferences(string token)
    {
        if (await MemberOfAsync(token) is not { } member) return Invalid();
        return View(EmailPreferencesForm.Of(await EmailPreferences.ChoicesAsync(db, member.Id), $"/email-preferences/{token}", member.EmailConfirmed));
    }

    [HttpPost("/email-preferences/{token}")]
    public async Task<IActionResult> Preferences(string token, EmailPreferencesForm form)
    {
        if (await MemberOfAsync(token) is not { } member) return Invalid();
        var action = $"/email-preferences/{token}";
        if (!await form.SaveAsync(db, member.Id, ModelState, t))
            return View(EmailPreferencesForm.Of(await EmailPreferences.ChoicesAsync(db, member.Id), action, member.EmailConfirmed));
        this.Flash(t["MailPrefs.Saved"]);
        return Redirect(action);
    }

    private async Task<(string Id, bool EmailConfirmed)?> MemberOfAsync(string token)
    {
        if (links.ReadPreferences(token) is not { } userId) return null;
        var member = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Id, u.EmailConfirmed }).SingleOrDefaultAsync();
        return member is null ? null : (member.Id, member.EmailConfirmed);
    }

    private UnsubscribePage Page(string token, UnsubscribeRequest request) =>
        new($"/unsubscribe/{token}", string.Join(t["MailPrefs.ListSeparator"], request.Categories.Select(c => t[$"MailPrefs.Category.{c}"].Value)),
            $"/email-preferences/{links.PreferencesToken(request.UserId)}");

    private ViewResult Invalid()
    {
        var view = View("Invalid");
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
