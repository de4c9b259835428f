using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;

namespace RedMvc.Testing;

/// <summary>
/// Members made straight in the database, as registration leaves them: in the Member role (and any
/// others asked for), email confirmed unless told otherwise, able to sign in when given a password.
/// </summary>
public static class Members
{
    /// <summary>The password of members who sign in; long enough and not on the common-password list.</summary>
    public const string Password = "sunny-teapot-harbour";

    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    /// <summary>A member who is not saved anywhere, for rules and renderers that take an AppUser.</summary>
    public static AppUser New(Person? person = null, bool confirmed = true, string? password = null, string culture = "en")
    {
        person ??= Person.New();
        var user = new AppUser
        {
            UserName = person.Handle,
            NormalizedUserName = Normalizer.NormalizeName(person.Handle),
            Handle = person.Handle,
            Email = person.Email,
            NormalizedEmail = Normalizer.NormalizeEmail(person.Email),
            EmailConfirmed = confirmed,
            DisplayName = person.DisplayName,
            Culture = culture,
            // Sign-in reads the stamp; Identity sets both of these when it creates a user.
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
        };
        if (password is not null) user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, password);
        return user;
    }

    /// <summary>A member saved in the database, in the Member role and the given roles.</summary>
    public static async Task<AppUser> AddMemberAsync(this AppDbContext db, Person? person = null, bool confirmed = true, string? password = null,
        string culture = "en", params string[] roles)
    {
        var user = New(person, confirmed, password, culture);
        db.Users.Add(user);
        foreach (var role in roles.Prepend(Roles.Member).Distinct())
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = await RoleIdAsync(db, role) });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Many members saved at once (a crowd of likers or followers), each in the Member role.</summary>
    public static async Task<List<AppUser>> AddMembersAsync(this AppDbContext db, int count)
    {
        var member = await RoleIdAsync(db, Roles.Member);
        var users = Enumerable.Range(0, count).Select(_ => New()).ToList();
        db.Users.AddRange(users);
        db.UserRoles.AddRange(users.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = member }));
        await db.SaveChangesAsync();
        return users;
    }

    /// <summary>The id of a role: the site creates them all at start-up, a bare Workers database does not, so it is made here when missing.</summary>
    private static async Task<string> RoleIdAsync(AppDbContext db, string name)
    {
        var normalized = Normalizer.NormalizeName(name);
        var role = db.Roles.Local.SingleOrDefault(r => r.NormalizedName == normalized)
            ?? await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == normalized);
        if (role is null)
        {
            role = new IdentityRole(name) { NormalizedName = normalized };
            db.Roles.Add(role);
        }
        return role.Id;
    }
}
