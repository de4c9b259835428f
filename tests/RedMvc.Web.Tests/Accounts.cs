using Microsoft.AspNetCore.Identity;

namespace RedMvc.Web.Tests;

/// <summary>Signing up, in and out through the site's real forms, as a person in a browser does.</summary>
public static class Accounts
{
    public static Dictionary<string, string> RegistrationOf(Person person, string password = Members.Password) => new()
    {
        ["Email"] = person.Email,
        ["DisplayName"] = person.DisplayName,
        ["Handle"] = person.Handle,
        ["Password"] = password,
    };

    public static Task<Visitor.Page> RegisterAsync(this Visitor visitor, Person person, string password = Members.Password) =>
        visitor.SubmitAsync("/account/register", "/account/register", RegistrationOf(person, password));

    public static Task<Visitor.Page> SignInAsync(this Visitor visitor, string email, string password = Members.Password) =>
        visitor.SubmitAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static async Task<Visitor.Page> SignOutAsync(this Visitor visitor)
    {
        var home = await visitor.GetAsync("/");
        return await home.SubmitAsync(visitor.Client, "/account/sign-out", new Dictionary<string, string>());
    }

    /// <summary>The id the site gave a person who registered.</summary>
    public static Task<string> IdOfAsync(this RedMvcAppFactory site, Person person) =>
        site.Services.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync());

    /// <summary>Registers, follows the link in the confirmation email, signs in, and returns the signed-in visitor.</summary>
    public static async Task<Visitor> ConfirmedMemberAsync(this RedMvcAppFactory site, Person person)
    {
        var visitor = site.CreateVisitor();
        await visitor.RegisterAsync(person);
        var mail = await site.Mailbox.WaitForAsync(person.Email);
        await visitor.GetAsync(Mailbox.LinkIn(mail, "/account/confirm-email"));
        // Lands on settings, not discover: a discover visit keeps the member's mix for 30 s, hiding notes a test makes next.
        await visitor.SubmitAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = person.Email, ["Password"] = Members.Password, ["ReturnUrl"] = "/settings",
        });
        return visitor;
    }

    /// <summary>A confirmed member given a role (Staff, Brand...) and signed in again so the cookie carries it.</summary>
    public static async Task<Visitor> MemberWithRoleAsync(this RedMvcAppFactory site, Person person, string role)
    {
        var visitor = await site.ConfirmedMemberAsync(person);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(person.Email))!, role);
        }
        await visitor.SignOutAsync();
        await visitor.SignInAsync(person.Email);
        return visitor;
    }
}
