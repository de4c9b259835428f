using Microsoft.AspNetCore.Identity;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Accounts;

/// <summary>A person with an account. Identity owns the credentials; we own the public face.</summary>
public class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 24;
    public const int HandleMinLength = 3;
    public const int HandleMaxLength = 20;
    public const int BioMaxLength = 100;
    public const int RegionMaxLength = 30;

    // The display name's column holds 48 units: two per visible character, enough for a name of emoji.
    public static readonly TextRule DisplayNameRule = new(DisplayNameMaxLength, DisplayNameMaxLength * 2, Required: true);
    public static readonly TextRule BioRule = TextRule.Lines(BioMaxLength);
    public static readonly TextRule RegionRule = TextRule.Line(RegionMaxLength);

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

    /// <summary>Staff muted the member until then: no notes, comments, messages or group posts meanwhile.</summary>
    public DateTime? MutedUntil { get; set; }

    /// <summary>Staff suspended the account: no sign-in, every session ends, their notes are hidden.</summary>
    public DateTime? SuspendedAt { get; set; }

    public bool IsMuted(DateTime now) => MutedUntil > now;

    /// <summary>
    /// Screening held a new display name and bio for review: others keep seeing the previous ones, the
    /// member sees these marked, until staff approve them.
    /// </summary>
    public DateTime? ProfileHeldAt { get; set; }
    public string? HeldDisplayName { get; set; }
    public string? HeldBio { get; set; }

    /// <summary>Only people the member follows (or has replied to) may message them; strangers are told so.</summary>
    public bool RefuseMessagesFromStrangers { get; set; }

    /// <summary>Others are not shown "seen" under their messages when this member read them.</summary>
    public bool HideReadReceipts { get; set; }

    /// <summary>Changes the public face when every part passes its rule (stored as UserText cleans it); otherwise changes nothing.</summary>
    /// <remarks>When screening holds the new text, the display name and bio wait for review (ProfileHeldAt) and the rest changes.</remarks>
    public IReadOnlyList<(string Field, TextProblem Problem)> ChangeProfile(string? displayName, string? bio, string? region,
        ScreeningVerdict screening = default, DateTime now = default)
    {
        var name = DisplayNameRule.Check(displayName);
        var about = BioRule.Check(bio);
        var place = RegionRule.Check(region);
        var problems = new List<(string, TextProblem)>();
        if (name.Problem is { } nameProblem) problems.Add((nameof(DisplayName), nameProblem));
        if (about.Problem is { } bioProblem) problems.Add((nameof(Bio), bioProblem));
        if (place.Problem is { } regionProblem) problems.Add((nameof(Region), regionProblem));
        if (problems.Count > 0) return problems;
        Region = place.OrNull;
        if (screening.Holds) (ProfileHeldAt, HeldDisplayName, HeldBio) = (ProfileHeldAt ?? now, name.Value, about.OrNull);
        else (DisplayName, Bio, ProfileHeldAt, HeldDisplayName, HeldBio) = (name.Value, about.OrNull, null, null, null);
        return [];
    }

    public void ApproveHeldProfile()
    {
        if (ProfileHeldAt is null) return;
        (DisplayName, Bio) = (HeldDisplayName ?? DisplayName, HeldBio);
        (ProfileHeldAt, HeldDisplayName, HeldBio) = (null, null, null);
    }

    /// <summary>Staff refused the held name and bio: the previous ones stay.</summary>
    public void RefuseHeldProfile() => (ProfileHeldAt, HeldDisplayName, HeldBio) = (null, null, null);

    public static string NormalizeHandle(string? handle) => (handle ?? "").Trim().TrimStart('@').ToLowerInvariant();

    /// <summary>Handles are 3-20 of a-z, 0-9, '_' and '.', starting with a letter or digit.</summary>
    public static bool IsValidHandle(string handle)
    {
        if (handle.Length < HandleMinLength || handle.Length > HandleMaxLength) return false;
        if (!char.IsAsciiLetterOrDigit(handle[0])) return false;
        return handle.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.');
    }
}
