using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using RedMvc.Domain.Email;

namespace RedMvc.Workers.Email;

/// <summary>
/// Signed links that change a member's mail choices without signing in. A token is the member's id
/// and the categories it stops, protected with the site's data-protection keys (kept in the database, so
/// every web node and worker reads what another wrote): nobody can make one for another member or
/// widen one to more categories. A preferences token opens all choices; the two purposes cannot stand
/// in for each other. Tokens do not expire: an unsubscribe link in an old mail must still work.
/// </summary>
public class UnsubscribeLinks(IDataProtectionProvider protection, SiteLinks links)
{
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("RedMvc.Email.Unsubscribe.v1");
    private readonly IDataProtector _preferences = protection.CreateProtector("RedMvc.Email.Preferences.v1");

    public EmailUnsubscribe For(string userId, IReadOnlyCollection<MailCategory> categories) =>
        new(links.Absolute($"/unsubscribe/{UnsubscribeToken(userId, categories)}"), links.Absolute($"/email-preferences/{PreferencesToken(userId)}"));

    public string UnsubscribeToken(string userId, IReadOnlyCollection<MailCategory> categories)
    {
        if (categories.Count == 0) throw new ArgumentException("An unsubscribe link stops at least one category.", nameof(categories));
        return Protect(_unsubscribe, $"{userId}|{string.Join(',', categories.Distinct().Order().Select(c => (int)c))}");
    }

    public string PreferencesToken(string userId) => Protect(_preferences, userId);

    /// <summary>The member and categories of a genuine unsubscribe token; null for anything forged, changed or cut short.</summary>
    public UnsubscribeRequest? ReadUnsubscribe(string? token)
    {
        var payload = Unprotect(_unsubscribe, token);
        var parts = payload?.Split('|');
        if (parts is not [{ Length: > 0 } userId, { Length: > 0 } list]) return null;
        var categories = list.Split(',').Select(n => int.TryParse(n, out var c) && Enum.IsDefined((MailCategory)c) ? (MailCategory?)c : null).ToList();
        return categories.Any(c => c is null) ? null : new UnsubscribeRequest(userId, categories.Select(c => c!.Value).ToList());
    }

    /// <summary>The member of a genuine preferences token; null otherwise.</summary>
    public string? ReadPreferences(string? token) => Unprotect(_preferences, token) is { Length: > 0 } userId ? userId : null;

    private static string Protect(IDataProtector protector, string payload) =>
        Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes(payload)));

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000) return null;
        try
        {
            return Encoding.UTF8.GetString(protector.Unprotect(Base64Url.DecodeFromChars(token)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
