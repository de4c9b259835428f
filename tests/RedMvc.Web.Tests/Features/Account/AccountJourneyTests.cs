namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class AccountJourneyTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task A_new_member_registers_confirms_by_email_signs_in_signs_out_and_signs_in_again()
    {
        var person = Person.New();
        var visitor = site.CreateVisitor();

        var afterRegister = await visitor.RegisterAsync(person);
        Assert.Equal("/account/check-email", afterRegister.Url);
        Assert.Contains("Check your inbox", afterRegister.Text);
        Assert.DoesNotContain("@" + person.Handle, afterRegister.Text); // not signed in: that would tell a stranger the address was new

        var mail = await site.Mailbox.WaitForAsync(person.Email);
        Assert.Equal("Confirm your email for RedMvc", mail.Subject);
        Assert.Contains(person.DisplayName, mail.HtmlBody);
        var link = Mailbox.LinkIn(mail, "/account/confirm-email");
        Assert.StartsWith("https://localhost/account/confirm-email?", link);

        var confirmed = await visitor.GetAsync(link);
        Assert.Contains("Your email is confirmed", confirmed.Text);
        var home = await visitor.SignInAsync(person.Email);
        Assert.DoesNotContain("Confirm your email to start posting", home.Text);
        Assert.Contains("@" + person.Handle, home.Text);

        var signedOut = await visitor.SignOutAsync();
        Assert.Contains("Sign up", signedOut.Text);
        Assert.DoesNotContain("@" + person.Handle, signedOut.Text);

        var signedIn = await visitor.SignInAsync(person.Email);
        Assert.Equal("/", signedIn.Url);
        Assert.Contains("@" + person.Handle, signedIn.Text);
    }

    [Fact]
    public async Task The_confirmation_link_with_a_forged_code_confirms_nothing()
    {
        var person = Person.New();
        var visitor = site.CreateVisitor();
        await visitor.RegisterAsync(person);
        var mail = await site.Mailbox.WaitForAsync(person.Email);
        var link = Mailbox.LinkIn(mail, "/account/confirm-email");
        var forged = link[..link.IndexOf("code=", StringComparison.Ordinal)] + "code=AAAA";

        var page = await visitor.GetAsync(forged);

        Assert.Contains("This link doesn't work", page.Text);
        Assert.Contains("Confirm your email to start posting", (await visitor.SignInAsync(person.Email)).Text);
    }

    [Fact]
    public async Task A_taken_handle_is_refused_next_to_the_field_whoever_owns_the_address()
    {
        var first = Person.New();
        await site.CreateVisitor().RegisterAsync(first);

        // Handles are public (every profile shows one), so saying one is taken tells nobody anything new.
        var sameHandle = Person.New() with { Handle = first.Handle.ToUpperInvariant() };
        var page = await site.CreateVisitor().RegisterAsync(sameHandle);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("is taken", page.FieldError("Handle"));

        var sameBoth = first with { DisplayName = "Someone else" };
        page = await site.CreateVisitor().RegisterAsync(sameBoth);
        Assert.Contains("is taken", page.FieldError("Handle"));
        Assert.Null(page.FieldError("Email"));
    }

    [Theory]
    [InlineData("short7c", "at least 8")]       // 7 characters
    [InlineData("password123", "most common")]
    [InlineData("qwertyuiop", "most common")]
    public async Task Weak_passwords_are_refused(string password, string reason)
    {
        var person = Person.New();
        var page = await site.CreateVisitor().RegisterAsync(person, password);
        Assert.Equal("/account/register", page.Url);
        Assert.Contains(reason, page.FieldError("Password"));
    }

    [Fact]
    public async Task Eight_characters_without_any_composition_rule_is_enough()
    {
        var person = Person.New();
        var page = await site.CreateVisitor().RegisterAsync(person, "zebrafog");
        Assert.Equal("/account/check-email", page.Url);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var person = Person.New();
        await site.CreateVisitor().RegisterAsync(person);
        var attacker = site.CreateVisitor();

        for (var i = 0; i < 5; i++)
            Assert.Contains("email or password is not correct", (await attacker.SignInAsync(person.Email, "wrong-password-" + i)).Text);

        var owner = await site.CreateVisitor().SignInAsync(person.Email);
        Assert.Contains("email or password is not correct", owner.Text);
        Assert.DoesNotContain("@" + person.Handle, owner.Text);
    }

    [Fact]
    public async Task A_password_reset_link_works_once_and_the_new_password_signs_in()
    {
        var person = Person.New();
        await site.CreateVisitor().RegisterAsync(person);
        var visitor = site.CreateVisitor();

        var sent = await visitor.SubmitAsync("/account/forgot-password", "/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = person.Email });
        Assert.Contains("Check your inbox", sent.Text);
        var mail = await site.Mailbox.WaitForAsync(person.Email, "Reset your RedMvc password");
        var link = Mailbox.LinkIn(mail, "/account/reset-password");

        var changed = await visitor.SubmitAsync(link, "/account/reset-password", new Dictionary<string, string> { ["Password"] = "new-lantern-river" });
        Assert.Contains("Your password has been changed", changed.Text);

        var reused = await visitor.SubmitAsync(link, "/account/reset-password", new Dictionary<string, string> { ["Password"] = "another-lantern-river" });
        Assert.Contains("This link doesn't work any more", reused.Text);

        Assert.Contains("email or password is not correct", (await visitor.SignInAsync(person.Email)).Text);
        Assert.Contains("@" + person.Handle, (await visitor.SignInAsync(person.Email, "new-lantern-river")).Text);
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        var unknown = Person.New().Email;
        var page = await site.CreateVisitor().SubmitAsync("/account/forgot-password", "/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = unknown });
        Assert.Contains("Check your inbox", page.Text);
        await Task.Delay(1500);
        Assert.Empty(site.Mailbox.To(unknown));
    }

    [Fact]
    public async Task Sign_in_returns_only_to_local_addresses()
    {
        var person = Person.New();
        await site.CreateVisitor().RegisterAsync(person);
        var visitor = site.CreateVisitor();
        var page = await visitor.SubmitAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "/account/sign-in",
            new Dictionary<string, string> { ["Email"] = person.Email, ["Password"] = Members.Password });
        Assert.Equal("localhost", page.Response.RequestMessage!.RequestUri!.Host);
        Assert.Equal("/", page.Url);
    }
}
