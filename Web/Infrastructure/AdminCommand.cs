using System.Security.Cryptography;

namespace RedMvc.Web.Infrastructure;

/// <summary>`create-admin &lt;email&gt;`: promotes an existing account, or creates one with a one-time password.</summary>
public static class AdminCommand
{
    public record Result(bool Succeeded, string Message);

    public static async Task<Result> CreateAdminAsync(UserManager<AppUser> users, string email)
    {
        var user = await users.FindByEmailAsync(email);
        string? password = null;
        if (user is null)
        {
            password = GeneratePassword();
            user = new AppUser
            {
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Admin",
                Handle = await FreeHandleAsync(users, "admin"),
            };
            user.UserName = user.Handle;
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return Fail(created);
        }
        foreach (var role in new[] { Roles.Admin, Roles.Staff, Roles.Member })
        {
            if (await users.IsInRoleAsync(user, role)) continue;
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded) return Fail(added);
        }
        return new Result(true, password is null
            ? $"{email} is now an Admin."
            : $"Created Admin {email} (handle @{user.Handle}) with password: {password}\nSign in and change it under Settings.");
    }

    private static Result Fail(IdentityResult result) =>
        new(false, "Failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    private static async Task<string> FreeHandleAsync(UserManager<AppUser> users, string wanted)
    {
        var handle = wanted;
        for (var i = 2; await users.FindByNameAsync(handle) is not null; i++) handle = $"{wanted}{i}";
        return handle;
    }
}
