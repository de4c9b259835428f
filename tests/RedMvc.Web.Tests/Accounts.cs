namespace RedMvc.Web.Tests;

/// <summary>Test data: unique people, so tests sharing one site never collide.</summary>
public static class Accounts
{
    public const string Password = "sunny-teapot-harbour";

    public record Person(string Email, string Handle, string DisplayName);

    public static Person NewPerson()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new Person($"p{id}@example.test", $"p{id}", $"Tester {id}");
    }

    public static Dictionary<string, string> RegistrationOf(Person person, string password = Password) => new()
    {
        ["Email"] = person.Email,
        ["DisplayName"] = person.DisplayName,
        ["Handle"] = person.Handle,
        ["Password"] = password,
    };

    public static Task<Visitor.Page> RegisterAsync(this Visitor visitor, Person person, string password = Password) =>
        visitor.SubmitAsync("/account/register", "/account/register", RegistrationOf(person, password));

    public static Task<Visitor.Page> SignInAsync(this Visitor visitor, string email, string password = Password) =>
        visitor.SubmitAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static async Task<Visitor.Page> SignOutAsync(this Visitor visitor)
    {
        var home = await visitor.GetAsync("/");
        return await home.SubmitAsync(visitor.Client, "/account/sign-out", new Dictionary<string, string>());
    }

    /// <summary>Registers, follows the link in the confirmation email, and returns the signed-in visitor.</summary>
    public static async Task<Visitor> ConfirmedMemberAsync(this RedMvcAppFactory site, Person person)
    {
        var visitor = site.CreateVisitor();
        await visitor.RegisterAsync(person);
        var mail = await site.Mailbox.WaitForAsync(person.Email);
        await visitor.GetAsync(Mailbox.LinkIn(mail, "/account/confirm-email"));
        return visitor;
    }
}
