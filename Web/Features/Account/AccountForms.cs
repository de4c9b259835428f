using System.ComponentModel.DataAnnotations;

namespace RedMvc.Web.Features.Account;

// Error messages are resource keys, translated by the data-annotations localizer.

public class RegisterForm
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256)]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    /// <summary>Checked by AppUser.DisplayNameRule, which counts what a reader sees.</summary>
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression("^@?[A-Za-z0-9][A-Za-z0-9_.]{2,19}$", ErrorMessage = "Validation.Handle")]
    [Display(Name = "Field.Handle")]
    public string Handle { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(128, MinimumLength = 8, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password), Display(Name = "Field.Password")]
    public string Password { get; set; } = "";
}

public class SignInForm
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Field.Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public class ForgotPasswordForm
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";
}

public class ResetPasswordForm
{
    [Required] public string UserId { get; set; } = "";
    [Required] public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(128, MinimumLength = 8, ErrorMessage = "Validation.PasswordLength")]
    [DataType(DataType.Password), Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = "";
}

public record MessagePage(string Title, string Message, string? LinkText = null, string? LinkUrl = null, bool Success = true);
