using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RedMvc.Domain.Time;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Features.Settings;

public record SettingsOverview(string DisplayName, string Handle, string Email, bool EmailConfirmed, DateTime MemberSince, IReadOnlyList<string> Roles,
    string? AvatarKey)
{
    public AvatarView Avatar => new(DisplayName, AvatarKey);
}

public enum DataExportState { None, Pending, Ready, Expired }

/// <summary>The "your data" page: where the member's latest export stands and whether they may ask again.</summary>
public record DataExportPage(DataExportState State, DateTime? ExpiresAt, string? DownloadUrl, DateTime? NextRequestAt)
{
    public bool CanRequest => NextRequestAt is null;

    public static DataExportPage Of(DataExport? export, DateTime now)
    {
        if (export is null) return new(DataExportState.None, null, null, null);
        var next = now < export.NextRequestAt ? export.NextRequestAt : (DateTime?)null;
        if (export.IsPending) return new(DataExportState.Pending, null, null, next);
        return export.IsReady(now) && !export.FileRemoved
            ? new(DataExportState.Ready, export.ExpiresAt, ExportMemberDataJob.LinkPath(export.Key), next)
            : new(DataExportState.Expired, export.ExpiresAt, null, next);
    }
}

/// <summary>The profile form; the name, bio and region are checked by AppUser.ChangeProfile.</summary>
public class ProfileForm
{
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Display(Name = "Field.Bio")]
    public string? Bio { get; set; }

    [Display(Name = "Field.Region")]
    public string? Region { get; set; }

    /// <summary>Screening holds the name and bio shown here for review; others still see the previous ones.</summary>
    public bool HeldForReview { get; set; }

    [Display(Name = "Field.HideCollects")]
    public bool HideCollects { get; set; }

    [Display(Name = "Field.RefuseMessagesFromStrangers")]
    public bool RefuseMessagesFromStrangers { get; set; }

    [Display(Name = "Field.HideReadReceipts")]
    public bool HideReadReceipts { get; set; }

    /// <summary>The language of the member's email ("zh-CN" or "en"; none sent keeps it); the footer switch changes only the browser's.</summary>
    [StringLength(10, ErrorMessage = "Validation.MaxLength"), Display(Name = "Field.EmailLanguage")]
    public string? EmailLanguage { get; set; }

    /// <summary>An IANA zone id; empty follows the browser.</summary>
    [StringLength(TimeZones.IdMaxLength, ErrorMessage = "Validation.MaxLength"), Display(Name = "Field.TimeZone")]
    public string? TimeZone { get; set; }

    /// <summary>The zones the select offers, with their offset now; never bound from a post.</summary>
    [BindNever]
    public IReadOnlyList<ZoneChoice> ZoneChoices { get; set; } = [];

    /// <summary>The browser's zone from its tz cookie, named in the "use my browser's" choice.</summary>
    [BindNever]
    public string? BrowserZone { get; set; }

    /// <summary>The site's zone, which email uses for members who chose none.</summary>
    [BindNever]
    public string SiteZone { get; set; } = TimeZones.China;

    /// <summary>Shown above the form; never bound from a post (the photo has its own form).</summary>
    [BindNever]
    public AvatarView? Avatar { get; set; }
}

public record ZoneChoice(string Id, string Label);

public class ChangePasswordForm
{
    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(128, MinimumLength = 8, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password), Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = "";
}

public class ChangeEmailForm
{
    public string CurrentEmail { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256)]
    [Display(Name = "Field.NewEmail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = "";
}

public class DeleteAccountForm
{
    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    /// <summary>The member types their handle, so a stray click cannot delete an account.</summary>
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Field.ConfirmHandle")]
    public string ConfirmHandle { get; set; } = "";
}
