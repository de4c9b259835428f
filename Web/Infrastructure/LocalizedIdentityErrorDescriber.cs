namespace RedMvc.Web.Infrastructure;

/// <summary>Identity's messages in the visitor's language.</summary>
public class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string key, params object[] args) => new() { Code = code, Description = t[key, args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Identity.DefaultError");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Identity.ConcurrencyFailure");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Identity.PasswordMismatch");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Identity.InvalidToken");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Identity.InvalidEmail", email ?? "");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Identity.DuplicateEmail", email);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Identity.InvalidHandle", userName ?? "");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Identity.DuplicateHandle", userName);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Identity.PasswordTooShort", length);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Identity.DefaultError");
}
