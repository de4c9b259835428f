using Hangfire;
using RedMvc.Domain.Email;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Time;
using RedMvc.Workers.Accounts;
using RedMvc.Workers.Email;
using RedMvc.Workers.Files;
using RedMvc.Workers.Jobs;
using RedMvc.Workers;

namespace RedMvc.Web.Features.Settings;

[Authorize, Route("settings")]
public class SettingsController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountEmails emails,
    PublicLinks links,
    AppDbContext db,
    Screening screening,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var roles = await users.GetRolesAsync(user);
        return View(new SettingsOverview(user.DisplayName, user.Handle, user.Email!, user.EmailConfirmed, user.CreatedAt, roles.Order().ToList(), user.AvatarKey));
    }

    [HttpGet("profile")]
    public async Task<IActionResult> Profile([FromServices] Times times, [FromServices] IOptions<SiteOptions> site)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var held = user.ProfileHeldAt is not null;
        var form = new ProfileForm { DisplayName = held ? user.HeldDisplayName : user.DisplayName, Bio = held ? user.HeldBio : user.Bio, HeldForReview = held, Region = user.Region, HideCollects = user.HideCollects, RefuseMessagesFromStrangers = user.RefuseMessagesFromStrangers, HideReadReceipts = user.HideReadReceipts, TimeZone = user.TimeZone, EmailLanguage = user.Culture ?? MvcSetup.DefaultCulture, Avatar = AvatarOf(user) };
        return View(WithZones(form, times, site.Value));
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(ProfileForm form, [FromServices] Times times, [FromServices] IOptions<SiteOptions> site, [FromServices] PublicPages pages)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        form.Avatar = AvatarOf(user);
        var zone = TimeZones.Find(form.TimeZone);
        if (!string.IsNullOrEmpty(form.TimeZone) && zone is null)
            ModelState.AddModelError(nameof(form.TimeZone), t["Settings.TimeZoneUnknown"]);
        if (ModelState.IsValid && !string.IsNullOrEmpty(form.EmailLanguage) && !MvcSetup.Cultures.Any(c => c.Name == form.EmailLanguage))
            ModelState.AddModelError(nameof(form.EmailLanguage), t["Settings.EmailLanguageUnknown"]);
        var screened = await screening.JudgeAsync(db, form.DisplayName, form.Bio);
        if (screened.Blocks) ModelState.AddModelError("", t[ScreeningVerdict.BlockedKey, screened.Phrase!]);
        else await ModelState.RefusedByScreeningAsync(screening, db, t, nameof(form.Region), form.Region);
        if (ModelState.IsValid)
            foreach (var (field, problem) in user.ChangeProfile(form.DisplayName, form.Bio, form.Region, screened, clock.GetUtcNow().UtcDateTime))
                ModelState.AddTextProblem(field, problem, MaxLengthOf(field), t);
        if (!ModelState.IsValid) return View(WithZones(form, times, site.Value));
        user.HideCollects = form.HideCollects;
        user.RefuseMessagesFromStrangers = form.RefuseMessagesFromStrangers;
        user.HideReadReceipts = form.HideReadReceipts;
        user.TimeZone = zone?.Id;
        if (!string.IsNullOrEmpty(form.EmailLanguage)) user.Culture = form.EmailLanguage;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user); // the name in the menu comes from the cookie
        await pages.MemberChangedAsync(user.Id);
        this.Flash(t[screened.Holds ? "Screening.HeldProfile" : "Settings.ProfileSaved"]);
        return Redirect($"/u/{user.Handle}");
    }

    private static int MaxLengthOf(string field) => field switch
    {
        nameof(AppUser.DisplayName) => AppUser.DisplayNameMaxLength,
        nameof(AppUser.Bio) => AppUser.BioMaxLength,
        _ => AppUser.RegionMaxLength,
    };

    /// <summary>The common zones plus the saved and the browser's, ordered by their offset now.</summary>
    private ProfileForm WithZones(ProfileForm form, Times times, SiteOptions site)
    {
        var browser = ReaderTimes.BrowserZone(HttpContext);
        form.BrowserZone = browser?.Id;
        form.SiteZone = TimeZones.SiteDefault(site.TimeZone).Id;
        form.ZoneChoices = TimeZones.Common.Append(form.TimeZone).Append(browser?.Id)
            .Select(TimeZones.Find).OfType<TimeZoneInfo>().DistinctBy(z => z.Id)
            .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)
            .Select(z => new ZoneChoice(z.Id, $"{z.Id} ({times.In(z).Offset()})"))
            .ToList();
        return form;
    }

    private static AvatarView AvatarOf(AppUser user) => new(user.DisplayName, user.AvatarKey, user.AvatarPendingKey is not null);

    [HttpGet("notifications")]
    public async Task<IActionResult> Notifications()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(EmailPreferencesForm.Of(await EmailPreferences.ChoicesAsync(db, user.Id), "/settings/notifications", user.EmailConfirmed));
    }

    [HttpPost("notifications")]
    public async Task<IActionResult> Notifications(EmailPreferencesForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await form.SaveAsync(db, user.Id, ModelState, t))
            return View(EmailPreferencesForm.Of(await EmailPreferences.ChoicesAsync(db, user.Id), "/settings/notifications", user.EmailConfirmed));
        this.Flash(t["MailPrefs.Saved"]);
        return RedirectToAction(nameof(Notifications));
    }

    [HttpGet("password")]
    public IActionResult Password() => View(new ChangePasswordForm());

    [HttpPost("password")]
    public async Task<IActionResult> Password(ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return View(form);
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.Password);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, t);
            return View(form);
        }
        await signIn.RefreshSignInAsync(user);
        this.Flash(t["Settings.PasswordChanged"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("email")]
    public async Task<IActionResult> Email()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(new ChangeEmailForm { CurrentEmail = user.Email! });
    }

    [HttpPost("email")]
    public async Task<IActionResult> Email(ChangeEmailForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        form.CurrentEmail = user.Email!;
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, form.CurrentPassword))
            ModelState.AddModelError(nameof(form.CurrentPassword), t["Identity.PasswordMismatch"]);
        var newEmail = (form.Email ?? "").Trim();
        if (ModelState.IsValid && string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
            ModelState.AddModelError(nameof(form.Email), t["Settings.SameEmail"]);
        if (!ModelState.IsValid) return View(form);

        // An address that has an account gets the same answer (its owner is mailed), so this form finds no one either.
        if (await users.FindByEmailAsync(newEmail) is { } owner)
        {
            await emails.EmailChangeAttemptAsync(owner, requestId: $"{owner.Id}:{DateTime.UtcNow:yyyyMMddHH}");
            this.Flash(t["Settings.EmailChangeSent", newEmail]);
            return RedirectToAction(nameof(Index));
        }
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var link = links.Absolute(Url.Action(nameof(ConfirmEmailChange), new { userId = user.Id, email = newEmail, code = PublicLinks.EncodeToken(token) })!);
        await emails.ChangeEmailAsync(user, newEmail, link, requestId: Guid.NewGuid().ToString("N"));
        this.Flash(t["Settings.EmailChangeSent", newEmail]);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The link from the email sent to the new address; the token binds user, address and time.</summary>
    [HttpGet("confirm-email-change"), AllowAnonymous]
    public async Task<IActionResult> ConfirmEmailChange(string? userId, string? email, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var token = PublicLinks.DecodeToken(code);
        var changed = user is not null && email is not null && token is not null
            && (await users.ChangeEmailAsync(user, email, token)).Succeeded;
        if (changed && signIn.IsSignedIn(User) && users.GetUserId(User) == user!.Id)
            await signIn.RefreshSignInAsync(user);
        return View(changed);
    }

    [HttpGet("delete")]
    public IActionResult Delete() => View(new DeleteAccountForm());

    /// <summary>One transaction erases the account (AccountClosing); the goodbye mail is queued only after it commits.</summary>
    [HttpPost("delete")]
    public async Task<IActionResult> Delete(DeleteAccountForm form, [FromServices] AccountClosing closing, [FromServices] PublicPages pages)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid && AppUser.NormalizeHandle(form.ConfirmHandle) != user.Handle)
            ModelState.AddModelError(nameof(form.ConfirmHandle), t["Settings.DeleteHandleMismatch"]);
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, form.CurrentPassword))
            ModelState.AddModelError(nameof(form.CurrentPassword), t["Identity.PasswordMismatch"]);
        if (!ModelState.IsValid) return View(form);

        // Not the request's token: once started, the erasure finishes (or rolls back) even if the browser goes away.
        var problems = await closing.CloseAsync(user, CancellationToken.None);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError("", t[problem]);
            return View(form);
        }
        await pages.MemberGoneAsync(user.Id);
        await signIn.SignOutAsync();
        this.Flash(t["Settings.AccountDeleted"]);
        return LocalRedirect("/");
    }

    [HttpGet("data")]
    public async Task<IActionResult> Data()
    {
        var export = await DataExports.FindAsync(db, users.GetUserId(User)!);
        return View(DataExportPage.Of(export, Now));
    }

    /// <summary>Once a day, one at a time (DataExports); the zip is made by ExportMemberDataJob, which mails the link.</summary>
    [HttpPost("data")]
    public async Task<IActionResult> RequestData([FromServices] IBackgroundJobClient jobs, [FromServices] Times times)
    {
        var userId = users.GetUserId(User)!;
        switch (await DataExports.RequestAsync(db, userId, Now))
        {
            case DataExportRequest.Accepted:
                jobs.Enqueue<ExportMemberDataJob>(job => job.RunAsync(userId, CancellationToken.None));
                this.Flash(t["DataExport.Requested"]);
                break;
            case DataExportRequest.TooSoon tooSoon:
                this.Flash(t["DataExport.TooSoon", times.Ago(tooSoon.NextRequestAt)]);
                break;
            default:
                this.Flash(t["DataExport.StillPending"]);
                break;
        }
        return RedirectToAction(nameof(Data));
    }

    /// <summary>The link from the mail: the signed-in owner's current export only; anyone else's key is a 404.</summary>
    [HttpGet("data/{key}")]
    public async Task<IActionResult> DownloadData(string key, [FromServices] IFileStore files)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var export = await DataExports.FindAsync(db, user.Id);
        switch (DataExports.Check(export, key, Now))
        {
            case DataExportLink.Valid:
                var zip = await files.OpenReadAsync(export!.FileKey);
                if (zip is null) return NotFound();
                Response.Headers.CacheControl = "no-store";
                return File(zip, "application/zip", $"redmvc-{user.Handle}-{export.ReadyAt:yyyyMMdd}.zip");
            case DataExportLink.Expired:
                Response.StatusCode = StatusCodes.Status410Gone;
                return View("DataExpired");
            default:
                return NotFound();
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
