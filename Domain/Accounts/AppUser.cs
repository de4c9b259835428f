using Microsoft.AspNetCore.Identity;

namespace RedMvc.Domain.Accounts;

/// <summary>A person with an account. Identity owns the credentials; we own the public face.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 24;
    public const int HandleMinLength = 3;
    public const int HandleMaxLength = 20;
    public const int BioMaxLength = 100;
    public const int RegionMaxLength = 30;

    public string DisplayName { get; set; } = "";

    /// <summary>Unique, lower-case public name used in profile addresses (/u/{handle}).</summary>
    public string Handle { get; set; } = "";

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>Preferred UI language ("zh-CN" or "en"), used for email too.</summary>
    public string? Culture { get; set; }

    /// <summary>IANA zone the member chose for times ("Europe/Berlin"); null follows their browser, else China time.</summary>
    public string? TimeZone { get; set; }

    /// <summary>A line about themselves, shown on the profile.</summary>
    public string? Bio { get; set; }

    /// <summary>Self-declared, free text ("上海", "Berlin").</summary>
    public string? Region { get; set; }

    /// <summary>Public base name of the processed avatar files; null shows the initial on a colour.</summary>
    public string? AvatarKey { get; set; }

    /// <summary>Private key of an uploaded avatar waiting for the image pipeline.</summary>
    public string? AvatarPendingKey { get; set; }

    /// <summary>The owner hid the Collects tab of their profile from others.</summary>
    public bool HideCollects { get; set; }

    /// <summary>The member switched their discover page to newest first instead of the personal mix.</summary>
    public bool PrefersChronologicalFeed { get; set; }

    public static string NormalizeHandle(string? handle) => (handle ?? "").Trim().TrimStart('@').ToLowerInvariant();

    /// <summary>Handles are 3-20 of a-z, 0-9, '_' and '.', starting with a letter or digit.</summary>
    public static bool IsValidHandle(string handle)
    {
        if (handle.Length < HandleMinLength || handle.Length > HandleMaxLength) return false;
        if (!char.IsAsciiLetterOrDigit(handle[0])) return false;
        return handle.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.');
    }
}
