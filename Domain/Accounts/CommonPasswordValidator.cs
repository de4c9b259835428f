using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace RedMvc.Domain.Accounts;

/// <summary>
/// QUALITY.md's password rule: length, no composition rules, and nothing from the lists attackers
/// try first (the embedded common-passwords.txt), nor the person's own handle or email.
/// </summary>
public class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string CommonPasswordCode = "CommonPassword";
    public const string PersonalPasswordCode = "PersonalPassword";

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        if (IsCommon(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = CommonPasswordCode, Description = "This password is too common." }));
        if (ContainsPersonalDetail(user, password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = PersonalPasswordCode, Description = "The password must not contain your handle or email." }));
        return Task.FromResult(IdentityResult.Success);
    }

    private static bool ContainsPersonalDetail(AppUser user, string password)
    {
        var lower = password.ToLowerInvariant();
        var emailName = user.Email?.Split('@')[0].ToLowerInvariant();
        return (user.Handle.Length >= 3 && lower.Contains(user.Handle.ToLowerInvariant()))
            || (emailName is { Length: >= 3 } && lower.Contains(emailName));
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("RedMvc.Domain.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.ToLowerInvariant());
        }
        return set;
    }
}
