using RedMvc.Domain.Email;

namespace RedMvc.Web.Tests;

/// <summary>QUALITY.md: nothing tells a stranger whether an email has an account; the owner is told by email.</summary>
[Collection(SiteCollection.Name)]
public class StrangersLearnNothingTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task Registering_with_an_address_that_has_an_account_answers_as_a_new_registration_and_mails_the_owner()
    {
        var owner = Person.New();
        await site.CreateVisitor("zh-CN").RegisterAsync(owner);

        var fresh = await RegisterAsync(Person.New());
        var taken = await RegisterAsync(Person.New() with { Email = owner.Email });

        Assert.Equal(HttpStatusCode.Redirect, fresh.Status);
        Assert.Equal(fresh, taken);

        // The owner registered in Chinese, so the mail about the attempt is in Chinese whatever the stranger's language.
        var mail = await site.Mailbox.WaitForAsync(owner.Email, "有人尝试用你的邮箱注册");
        Assert.Contains(owner.DisplayName, mail.TextBody);
        Mailbox.LinkIn(mail, "/account/sign-in");
        Mailbox.LinkIn(mail, "/account/forgot-password");
        Assert.Equal(1, await site.Services.WithDbAsync(db => db.Users.CountAsync(u => u.Email == owner.Email)));
    }

    [Fact]
    public async Task The_mail_about_a_registration_attempt_is_in_english_for_an_english_owner()
    {
        var owner = Person.New();
        await site.CreateVisitor("en").RegisterAsync(owner);

        await RegisterAsync(Person.New() with { Email = owner.Email });

        var mail = await site.Mailbox.WaitForAsync(owner.Email, "Someone tried to sign up with your email");
        Assert.Contains("nothing was created", mail.TextBody);
    }

    [Fact]
    public async Task Changing_to_an_address_that_has_an_account_answers_as_for_a_free_one_and_mails_its_owner()
    {
        var owner = Person.New();
        await site.CreateVisitor().RegisterAsync(owner);
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var free = Person.New().Email;

        var toFree = await ChangeEmailAsync(member, free);
        var toTaken = await ChangeEmailAsync(member, owner.Email);

        Assert.Equal(toFree.Url, toTaken.Url);
        Assert.Equal(toFree.Text.Replace(free, "<address>"), toTaken.Text.Replace(owner.Email, "<address>"));
        var mail = await site.Mailbox.WaitForAsync(owner.Email, "Someone tried to use your email for another account");
        Assert.Contains("nothing was changed", mail.TextBody);
        Assert.Contains(person.Email, (await member.GetAsync("/settings")).Text);
    }

    [Fact]
    public async Task A_failed_sign_in_reads_the_same_for_an_unknown_address_a_wrong_password_and_a_locked_account()
    {
        var member = Person.New();
        await site.CreateVisitor().RegisterAsync(member);
        var locked = Person.New();
        await site.CreateVisitor().RegisterAsync(locked);
        for (var i = 0; i < 5; i++) await site.CreateVisitor().SignInAsync(locked.Email, "wrong-password-" + i);

        var unknown = await site.CreateVisitor().SignInAsync(Person.New().Email);
        var wrongPassword = await site.CreateVisitor().SignInAsync(member.Email, "wrong-password");
        var lockedWithTheRightPassword = await site.CreateVisitor().SignInAsync(locked.Email);

        foreach (var page in new[] { unknown, wrongPassword, lockedWithTheRightPassword })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("/account/sign-in", page.Url);
            Assert.Equal(unknown.Text, page.Text);
        }
        Assert.Contains("email or password is not correct", unknown.Text);
    }

    [Fact]
    public async Task Locking_an_account_mails_its_owner_once_with_a_link_that_lifts_the_lockout()
    {
        var person = Person.New();
        await site.CreateVisitor().RegisterAsync(person);
        var attacker = site.CreateVisitor();

        for (var i = 0; i < 9; i++) await attacker.SignInAsync(person.Email, "wrong-password-" + i);

        Assert.Equal(1, await site.Services.WithDbAsync(db =>
            db.EmailOutbox.CountAsync(m => m.Purpose == EmailPurposes.AccountLocked && m.Recipient == person.Email)));
        var mail = await site.Mailbox.WaitForAsync(person.Email, "Your RedMvc account is locked for a while");
        var owner = site.CreateVisitor();
        var changed = await owner.SubmitAsync(Mailbox.LinkIn(mail, "/account/reset-password"), "/account/reset-password",
            new Dictionary<string, string> { ["Password"] = "new-lantern-river" });
        Assert.Contains("Your password has been changed", changed.Text);
        Assert.Contains("@" + person.Handle, (await owner.SignInAsync(person.Email, "new-lantern-river")).Text);
    }

    [Fact]
    public async Task Asking_for_a_reset_link_answers_the_same_for_a_known_and_an_unknown_address()
    {
        var member = Person.New();
        await site.CreateVisitor().RegisterAsync(member);

        var known = await ForgotPasswordAsync(member.Email);
        var unknown = await ForgotPasswordAsync(Person.New().Email);

        Assert.Equal(HttpStatusCode.Redirect, known.Status);
        Assert.Equal(known, unknown);
        await site.Mailbox.WaitForAsync(member.Email, "Reset your RedMvc password");
    }

    [Fact]
    public async Task The_language_switch_changes_the_browser_only_and_the_profile_page_changes_the_email_language()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person); // registered in English
        var home = await member.GetAsync("/");

        var switched = await home.SubmitAsync(member.Client, "/language", new Dictionary<string, string> { ["culture"] = "zh-CN" });
        Assert.Equal("zh-CN", switched.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", await EmailLanguageOfAsync(person));

        var profile = await member.GetAsync("/settings/profile");
        Assert.Equal("en", profile.Document.QuerySelector("select[name='EmailLanguage'] option[selected]")?.GetAttribute("value"));
        await profile.SubmitAsync(member.Client, "/settings/profile", new Dictionary<string, string> { ["EmailLanguage"] = "zh-CN" });
        Assert.Equal("zh-CN", await EmailLanguageOfAsync(person));
    }

    /// <summary>What a stranger sees of one registration: the answer to the post, then the page it leads to.</summary>
    private async Task<Answer> RegisterAsync(Person person)
    {
        var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var form = await new Visitor(client).GetAsync("/account/register");
        return await AnswerAsync(client, (await form.SubmitAsync(client, "/account/register", Accounts.RegistrationOf(person))).Response);
    }

    private static Task<Visitor.Page> ChangeEmailAsync(Visitor member, string email) =>
        member.SubmitAsync("/settings/email", "/settings/email", new Dictionary<string, string> { ["Email"] = email, ["CurrentPassword"] = Members.Password });

    private async Task<Answer> ForgotPasswordAsync(string email)
    {
        var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var form = await new Visitor(client).GetAsync("/account/forgot-password");
        var posted = await form.SubmitAsync(client, "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        return await AnswerAsync(client, posted.Response);
    }

    private static async Task<Answer> AnswerAsync(HttpClient client, HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? string.Join(",", set.Select(c => c[..c.IndexOf('=')]).Order()) : "";
        var location = response.Headers.Location?.ToString();
        var next = location is null ? null : (await Visitor.Page.FromAsync(await client.GetAsync(location))).Text;
        return new Answer(response.StatusCode, location, cookies, next);
    }

    private Task<string?> EmailLanguageOfAsync(Person person) =>
        site.Services.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.Culture).SingleAsync());

    private sealed record Answer(HttpStatusCode Status, string? Location, string CookieNames, string? NextPageText);
}
