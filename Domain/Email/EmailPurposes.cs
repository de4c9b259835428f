namespace RedMvc.Domain.Email;

/// <summary>The kinds of email; part of the outbox's unique key.</summary>
public static class EmailPurposes
{
    public const string ConfirmEmail = "confirm-email";
    public const string ResetPassword = "reset-password";
    public const string ChangeEmail = "change-email";
    public const string RegistrationAttempt = "registration-attempt";
    public const string EmailChangeAttempt = "email-change-attempt";
    public const string AccountLocked = "account-locked";
    public const string AccountDeleted = "account-deleted";
    public const string DataExport = "data-export";
}
