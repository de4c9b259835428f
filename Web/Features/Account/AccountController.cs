using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Email;

namespace RedMvc.Web.Features.Account;

[Route("account")]
public class AccountController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AccountEmails emails,
    PublicLinks links,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/") : View(new RegisterForm());

    /// <summary>
    /// An address that already has an account gets the same answer as a new one (its owner is mailed instead), so the
    /// form never tells a stranger who is a member. The handle is public anyway, so a taken one is still said.
    /// Nobody is signed in here: that would tell the two cases apart; the member signs in after confirming.
    /// </summary>
    [HttpPost("register"), EnableRateLimiting(RateLimits.Register)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        var handle = AppUser.NormalizeHandle(form.Handle);
        if (ModelState.IsValid && !AppUser.IsValidHandle(handle))
            ModelState.AddModelError(nameof(form.Handle), t["Validation.Handle"]);
        var displayName = AppUser.DisplayNameRule.Check(form.DisplayName);
        if (displayName.Problem is { } problem) ModelState.AddTextProblem(nameof(form.DisplayName), problem, AppUser.DisplayNameMaxLength, t);
        if (!ModelState.IsValid) return View(form);

        var user = new AppUser
        {
            Email = form.Email.Trim(),
            UserName = handle,
            Handle = handle,
            DisplayName = displayName.Value,
            Culture = MvcSetup.CurrentCultureName(),
        };
        // CreateAsync checks (and hashes) the password before it looks at the address, so both cases do the same work.
        var created = await users.CreateAsync(user, form.Password);
        var sayable = created.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.DuplicateEmail)).ToList();
        if (sayable.Count > 0)
        {
            ModelState.AddIdentityErrors(IdentityResult.Failed([.. sayable]), t);
            return View(form);
        }
        if (created.Succeeded)
        {
            await users.AddToRoleAsync(user, Roles.Member);
            await SendConfirmationAsync(user, requestId: user.Id);
        }
        else if (await users.FindByEmailAsync(user.Email) is { } owner)
            await TellOwnerOfRegistrationAsync(owner);
        return RedirectToAction(nameof(CheckEmail));
    }

    [HttpGet("check-email")]
    public IActionResult CheckEmail() => View();

    [HttpPost("resend-confirmation"), Authorize, EnableRateLimiting(RateLimits.Register)]
    public async Task<IActionResult> ResendConfirmation()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.EmailConfirmed) return LocalRedirect("/");
        await SendConfirmationAsync(user, requestId: $"{user.Id}:{Guid.NewGuid():N}");
        return RedirectToAction(nameof(CheckEmail));
    }

    /// <summary>The link from the email. The token, not the session, proves who clicked it.</summary>
    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var token = PublicLinks.DecodeToken(code);
        var confirmed = user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (confirmed && signIn.IsSignedIn(User) && users.GetUserId(User) == user!.Id)
            await signIn.RefreshSignInAsync(user);
        return View(confirmed);
    }

    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    /// <summary>
    /// An unknown address, a wrong password and a locked account read the same; the owner of a locked account learns
    /// of it by email, once per lockout.
    /// </summary>
    [HttpPost("sign-in"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form, [FromServices] AppDbContext db, [FromServices] SuspendedTokens tokens,
        [FromServices] TimeProvider clock)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
            CheckPasswordOfNobody(form.Password);
        else
        {
            var wasLockedOut = await users.IsLockedOutAsync(user);
            var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
            db.SignIns.Add(new SignInRecord(user.Id, HttpContext.Connection.RemoteIpAddress?.ToString(), result.Succeeded, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            if (result.Succeeded && user.SuspendedAt is not null)
                return await SuspendedAsync(user, db, tokens);
            if (result.Succeeded)
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
            if (result.IsLockedOut && !wasLockedOut)
                await TellOwnerOfLockoutAsync(user);
        }
        ModelState.AddModelError("", t["SignIn.Failed", IdentitySetup.MaxFailedSignIns, (int)IdentitySetup.LockoutDuration.TotalMinutes]);
        return View(form);
    }

    /// <summary>The right password to a suspended account: no session, but the page that says why, with a token to appeal.</summary>
    private async Task<IActionResult> SuspendedAsync(AppUser user, AppDbContext db, SuspendedTokens tokens)
    {
        await signIn.SignOutAsync();
        var suspension = await db.Penalties.Where(p => p.UserId == user.Id && p.Kind == PenaltyKind.Suspension && p.LiftedAt == null)
            .OrderByDescending(p => p.StartsAt).Select(p => (long?)p.Id).FirstOrDefaultAsync();
        if (suspension is null) return Redirect("/account/suspended");
        return Redirect($"/account/suspended?token={Uri.EscapeDataString(tokens.For(suspension.Value))}");
    }

    [HttpPost("sign-out")]
    public new async Task<IActionResult> SignOut()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password"), EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Absolute(Url.Action(nameof(ResetPassword), new { userId = user.Id, code = PublicLinks.EncodeToken(token) })!);
            await emails.ResetPasswordAsync(user, link, requestId: Guid.NewGuid().ToString("N"));
        }
        // The same answer whether or not the address has an account: no account discovery.
        return RedirectToAction(nameof(ResetLinkSent));
    }

    [HttpGet("reset-link-sent")]
    public IActionResult ResetLinkSent() => View();

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? userId, string? code) =>
        userId is null || code is null ? View("ResetLinkInvalid") : View(new ResetPasswordForm { UserId = userId, Code = code });

    [HttpPost("reset-password"), EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByIdAsync(form.UserId);
        var token = PublicLinks.DecodeToken(form.Code);
        if (user is null || token is null) return View("ResetLinkInvalid");
        var result = await users.ResetPasswordAsync(user, token, form.Password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return View("ResetLinkInvalid");
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, t);
            return View(form);
        }
        // Whoever could read the mailbox now owns the account: lift a lockout, and the address is proven.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        this.Flash(t["ResetPassword.Done"]);
        return RedirectToAction(nameof(SignIn));
    }

    /// <summary>A member who has not confirmed the email is told how to, instead of a bare "no".</summary>
    [HttpGet("access-denied")]
    public IActionResult AccessDenied() =>
        User.Identity?.IsAuthenticated == true && !User.HasConfirmedEmail() ? View("ConfirmFirst") : View();

    private static string? _hashOfNobody;

    /// <summary>An unknown address costs a password check too, so its answer is not obviously quicker than an account's.</summary>
    private void CheckPasswordOfNobody(string password)
    {
        var nobody = new AppUser();
        _hashOfNobody ??= users.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(nobody, _hashOfNobody, password);
    }

    /// <summary>At most one mail an hour, so registering with someone's address cannot flood their inbox.</summary>
    private Task TellOwnerOfRegistrationAsync(AppUser owner) =>
        emails.RegistrationAttemptAsync(owner,
            signInLink: links.Absolute(Url.Action(nameof(SignIn))!),
            resetLink: links.Absolute(Url.Action(nameof(ForgotPassword))!),
            requestId: $"{owner.Id}:{DateTime.UtcNow:yyyyMMddHH}");

    /// <summary>One mail per lockout (its end is part of the key), with a reset link: a new password lifts the lockout.</summary>
    private async Task TellOwnerOfLockoutAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Absolute(Url.Action(nameof(ResetPassword), new { userId = user.Id, code = PublicLinks.EncodeToken(token) })!);
        var lockedUntil = await users.GetLockoutEndDateAsync(user);
        await emails.AccountLockedAsync(user, link, IdentitySetup.LockoutDuration, requestId: $"{user.Id}:{lockedUntil?.UtcTicks}");
    }

    private async Task SendConfirmationAsync(AppUser user, string requestId)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Absolute(Url.Action(nameof(ConfirmEmail), new { userId = user.Id, code = PublicLinks.EncodeToken(token) })!);
        await emails.ConfirmEmailAsync(user, link, requestId);
    }
}
