using System.Security.Claims;

namespace RedMvc.Web.Infrastructure;

/// <summary>Puts what the layout and policies need into the cookie, so no page reads the user row for it.</summary>
public class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(RedClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(RedClaims.Handle, user.Handle));
        if (user.EmailConfirmed) identity.AddClaim(new Claim(RedClaims.EmailConfirmed, "true"));
        if (user.TimeZone is not null) identity.AddClaim(new Claim(RedClaims.TimeZone, user.TimeZone));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The member's id, or null for a visitor.</summary>
    public static string? Id(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(RedClaims.DisplayName) ?? user.Identity?.Name ?? "";
    public static string Handle(this ClaimsPrincipal user) => user.FindFirstValue(RedClaims.Handle) ?? "";
    public static bool HasConfirmedEmail(this ClaimsPrincipal user) => user.HasClaim(RedClaims.EmailConfirmed, "true");
    public static bool IsStaff(this ClaimsPrincipal user) => Policies.StaffRoles.Any(user.IsInRole);
}
