using Microsoft.AspNetCore.DataProtection;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// The token the sign-in page gives a suspended member instead of a session: their suspension's id,
/// protected and valid for an hour, so the suspended page can show why and take one appeal.
/// </summary>
public class SuspendedTokens(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("RedMvc.Standing.Suspended").ToTimeLimitedDataProtector();

    public string For(long penaltyId) => Protector.Protect(penaltyId.ToString(), Lifetime);

    /// <summary>The suspension's id, or null for a forged, tampered or expired token.</summary>
    public long? Read(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            return long.TryParse(Protector.Unprotect(token), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
