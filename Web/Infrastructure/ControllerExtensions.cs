using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RedMvc.Web.Infrastructure;

public static class ControllerExtensions
{
    public const string FlashKey = "flash";

    /// <summary>MVC's TempData cookie, present only while a flash message waits for the next page.</summary>
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    /// <summary>A one-line message shown at the top of the next page (after a redirect).</summary>
    public static void Flash(this Controller controller, string message) => controller.TempData[FlashKey] = message;

    /// <summary>
    /// Whether a flash may be waiting. Pages read TempData only then: reading it otherwise makes MVC
    /// answer with a cookie deletion, and a response that sets a cookie is never output-cached.
    /// </summary>
    public static bool FlashMayWait(this HttpContext context) => context.Request.Cookies.ContainsKey(TempDataCookie);

    /// <summary>
    /// A text field's problem in the words of the form's other messages: the label ("Field.{field}" unless
    /// given) names it, empty and too long use the shared validation messages, the rest UserText's own.
    /// </summary>
    public static void AddTextProblem(this ModelStateDictionary modelState, string field, TextProblem problem, int maxLength, IStringLocalizer t,
        string? label = null)
    {
        var name = t[label ?? $"Field.{field}"];
        var message = problem switch
        {
            TextProblem.Empty => t["Validation.Required", name],
            TextProblem.TooLong => t["Validation.MaxLength", name, maxLength],
            _ => t[CheckedText.SharedKey(problem)],
        };
        modelState.AddModelError(field, message);
    }

    /// <summary>Puts Identity's errors next to the field they are about.</summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, IStringLocalizer t)
    {
        foreach (var error in result.Errors)
        {
            var (field, message) = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => ("Email", error.Description),
                nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => ("Handle", error.Description),
                CommonPasswordValidator.CommonPasswordCode => ("Password", t["Identity.CommonPassword"].Value),
                CommonPasswordValidator.PersonalPasswordCode => ("Password", t["Identity.PersonalPassword"].Value),
                nameof(IdentityErrorDescriber.PasswordMismatch) => ("CurrentPassword", error.Description),
                var code when code.StartsWith("Password", StringComparison.Ordinal) => ("Password", error.Description),
                _ => ("", error.Description),
            };
            modelState.AddModelError(field, message);
        }
    }
}
