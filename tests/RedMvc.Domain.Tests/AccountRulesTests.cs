using Microsoft.AspNetCore.Identity;
using RedMvc.Domain.Accounts;

namespace RedMvc.Domain.Tests;

public class AccountRulesTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("mia.eats", true)]
    [InlineData("camping_zhou", true)]
    [InlineData("a2345678901234567890", true)]  // 20: the limit
    [InlineData("a23456789012345678901", false)] // 21: one past
    [InlineData("ab", false)]
    [InlineData("_abc", false)]
    [InlineData("Abc", false)]                  // handles are stored lower-case
    [InlineData("小红", false)]
    [InlineData("a b", false)]
    public void Handle_rules(string handle, bool valid) => Assert.Equal(valid, AppUser.IsValidHandle(handle));

    [Theory]
    [InlineData(" @Mia.Eats ", "mia.eats")]
    [InlineData(null, "")]
    public void Handles_are_normalized_to_lower_case_without_the_at(string? input, string expected) =>
        Assert.Equal(expected, AppUser.NormalizeHandle(input));

    [Theory]
    [InlineData("password123")]
    [InlineData("PASSWORD123")]
    [InlineData("woaini1314")]
    [InlineData("1q2w3e4r5t")]
    public void Common_passwords_are_recognised_in_any_case(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData(Members.Password)]
    [InlineData("zebrafog")]
    public void Uncommon_passwords_pass(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public async Task A_password_containing_the_handle_or_the_email_name_is_refused()
    {
        var validator = new CommonPasswordValidator();
        var user = Members.New(new Person("lin.home@example.test", "linlin", "林林"));

        var withHandle = await validator.ValidateAsync(null!, user, "my-linlin-garden");
        var withEmail = await validator.ValidateAsync(null!, user, "LIN.HOME-garden");
        var fine = await validator.ValidateAsync(null!, user, "quiet-orchard-lamp");

        Assert.Equal(CommonPasswordValidator.PersonalPasswordCode, Assert.Single(withHandle.Errors).Code);
        Assert.Equal(CommonPasswordValidator.PersonalPasswordCode, Assert.Single(withEmail.Errors).Code);
        Assert.Equal(IdentityResult.Success, fine);
    }

    [Fact]
    public void Every_role_is_listed_once()
    {
        Assert.Equal(5, Roles.All.Distinct().Count());
        Assert.Contains(Roles.Staff, Roles.StaffOrAdmin.Split(','));
        Assert.Contains(Roles.Admin, Roles.StaffOrAdmin.Split(','));
    }
}
