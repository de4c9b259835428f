using Microsoft.AspNetCore.Mvc.ModelBinding;
using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Texts with no hold column (shop, group and board names, a region, variant names) have nowhere to wait
/// for review, so screening may only pass them: a Hold is refused as a Block is (decision 0036).
/// </summary>
public static class ScreeningForms
{
    /// <summary>Screens the texts; anything but a pass puts the refusal naming the phrase on the field. True when refused.</summary>
    public static async Task<bool> RefusedByScreeningAsync(this ModelStateDictionary modelState, Screening screening, AppDbContext db, IStringLocalizer t,
        string field, params string?[] texts)
    {
        var verdict = await screening.JudgeAsync(db, texts);
        if (verdict.Action is null) return false;
        modelState.AddModelError(field, t[ScreeningVerdict.BlockedKey, verdict.Phrase!]);
        return true;
    }
}
