using System.Globalization;
using Microsoft.Extensions.Localization;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Email;

namespace RedMvc.Workers.Email;

/// <summary>The account mails: what each says, in the recipient's language, queued through the outbox.</summary>
public class AccountEmails(OutboxMailer mailer, IStringLocalizer<EmailStrings> localizer)
{
    public const int ResetLinkLifetimeMinutes = 60;

    public Task<bool> ConfirmEmailAsync(AppUser user, string link, string requestId) =>
        QueueAsync(EmailPurposes.ConfirmEmail, user.Email!, requestId, user, "ConfirmEmail",
            headingArg: user.DisplayName, bodyArg: null, link);

    public Task<bool> ResetPasswordAsync(AppUser user, string link, string requestId) =>
        QueueAsync(EmailPurposes.ResetPassword, user.Email!, requestId, user, "ResetPassword",
            headingArg: null, bodyArg: ResetLinkLifetimeMinutes, link);

    public Task<bool> ChangeEmailAsync(AppUser user, string newEmail, string link, string requestId) =>
        QueueAsync(EmailPurposes.ChangeEmail, newEmail, requestId, user, "ChangeEmail",
            headingArg: null, bodyArg: newEmail, link);

    /// <summary>Someone tried to register with an address that has an account: its owner hears of it, the stranger is told nothing.</summary>
    public Task<bool> RegistrationAttemptAsync(AppUser owner, string signInLink, string resetLink, string requestId) =>
        QueueAsync(EmailPurposes.RegistrationAttempt, owner.Email!, requestId, owner, "RegistrationAttempt",
            headingArg: owner.DisplayName, bodyArg: resetLink, signInLink);

    /// <summary>Someone asked to move another account to an address that has one: its owner hears of it, nothing changes.</summary>
    public Task<bool> EmailChangeAttemptAsync(AppUser owner, string requestId) =>
        QueueAsync(EmailPurposes.EmailChangeAttempt, owner.Email!, requestId, owner, "EmailChangeAttempt",
            headingArg: owner.DisplayName, bodyArg: null, link: null);

    /// <summary>The account was locked after failed sign-ins; the link chooses a new password, which lifts the lockout.</summary>
    public Task<bool> AccountLockedAsync(AppUser user, string resetLink, TimeSpan lockout, string requestId) =>
        QueueAsync(EmailPurposes.AccountLocked, user.Email!, requestId, user, "AccountLocked",
            headingArg: user.DisplayName, bodyArg: (int)lockout.TotalMinutes, resetLink);

    public Task<bool> AccountDeletedAsync(AppUser user) =>
        QueueAsync(EmailPurposes.AccountDeleted, user.Email!, user.Id, user, "AccountDeleted",
            headingArg: user.DisplayName, bodyArg: null, link: null);

    /// <summary>The download link of a data export; one mail per export (its key is the subject).</summary>
    public Task<bool> DataExportReadyAsync(AppUser user, string link, string exportKey, DateTime expiresAtUtc) =>
        QueueAsync(EmailPurposes.DataExport, user.Email!, exportKey, user, "DataExport",
            headingArg: user.DisplayName, bodyArg: expiresAtUtc.ToString("f", CultureInfo.GetCultureInfo(user.Culture ?? "zh-CN")), link);

    private async Task<bool> QueueAsync(string purpose, string recipient, string subjectId, AppUser user, string kind,
        object? headingArg, object? bodyArg, string? link)
    {
        var culture = user.Culture ?? "zh-CN";
        var saved = CultureInfo.CurrentUICulture;
        EmailContent content;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            content = new EmailContent(
                culture,
                Subject: localizer[$"{kind}.Subject"],
                Heading: localizer[$"{kind}.Heading", headingArg ?? ""],
                Paragraphs: [localizer[$"{kind}.Body", bodyArg ?? ""]],
                ActionLabel: link is null ? null : localizer[$"{kind}.Action"].Value,
                ActionUrl: link,
                Footnote: localizer[$"{kind}.Footnote"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
        return await mailer.QueueAsync(purpose, recipient, subjectId, content);
    }
}
