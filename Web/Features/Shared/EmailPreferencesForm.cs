using RedMvc.Domain.Email;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// Every mail choice of one member, posted as Choices[Category]=Choice, from the settings page and from
/// the signed link in a mail's footer alike. Action is where the form posts.
/// </summary>
public class EmailPreferencesForm
{
    public Dictionary<MailCategory, MailChoice> Choices { get; set; } = [];

    public string Action { get; set; } = "";

    /// <summary>Shown when the address is not confirmed yet: nothing is mailed to it until it is.</summary>
    public bool EmailConfirmed { get; set; } = true;

    public static EmailPreferencesForm Of(IReadOnlyDictionary<MailCategory, MailChoice> choices, string action, bool emailConfirmed) =>
        new() { Choices = choices.ToDictionary(), Action = action, EmailConfirmed = emailConfirmed };

    /// <summary>The posted choices are saved in one go, or none when one is not offered (a forged form); the member reads why.</summary>
    public async Task<bool> SaveAsync(AppDbContext db, string userId, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer t)
    {
        if (modelState.IsValid && await EmailPreferences.SaveAsync(db, userId, Choices)) return true;
        modelState.AddModelError(nameof(Choices), t["MailPrefs.Invalid"]);
        return false;
    }
}
