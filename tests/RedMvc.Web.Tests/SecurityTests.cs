using Microsoft.AspNetCore.Identity;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class SecurityTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var person = Person.New();
        var visitor = site.CreateVisitor();
        await visitor.GetAsync("/account/register"); // has the antiforgery cookie, but posts no token

        var response = await visitor.Client.PostAsync("/account/register", new FormUrlEncodedContent(Accounts.RegistrationOf(person)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(person.Email));
    }

    [Fact]
    public async Task The_jobs_dashboard_is_refused_to_visitors_and_members_and_open_to_staff()
    {
        var visitorPage = await site.CreateVisitor().GetAsync("/admin/jobs");
        Assert.StartsWith("/account/sign-in", visitorPage.Url);
        Assert.DoesNotContain("Hangfire", visitorPage.Html);

        var member = await site.ConfirmedMemberAsync(Person.New());
        var memberPage = await member.GetAsync("/admin/jobs");
        Assert.StartsWith("/account/access-denied", memberPage.Url);
        Assert.Equal(HttpStatusCode.Forbidden, memberPage.Status);
        Assert.DoesNotContain("Hangfire", memberPage.Html);

        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);
        var staffPage = await staff.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, staffPage.Status);
        Assert.Contains("RedMvc jobs", staffPage.Html);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_a_csp_without_inline_script()
    {
        var response = await site.CreateVisitor().Client.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task No_page_has_an_inline_script()
    {
        foreach (var url in new[] { "/", "/account/register", "/account/sign-in", "/account/forgot-password", "/no-such-page" })
        {
            var page = await site.CreateVisitor().GetAsync(url);
            Assert.All(page.Document.Scripts, script => Assert.False(string.IsNullOrEmpty(script.Source), $"inline script on {url}"));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_secure_and_lax()
    {
        var client = site.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var person = Person.New();
        await site.CreateVisitor().RegisterAsync(person);
        var form = await new Visitor(client).GetAsync("/account/sign-in");

        var response = (await form.SubmitAsync(client, "/account/sign-in",
            new Dictionary<string, string> { ["Email"] = person.Email, ["Password"] = Members.Password })).Response;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("red.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", auth);
        Assert.Contains("secure", auth);
        Assert.Contains("samesite=lax", auth);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_friendly_404_page()
    {
        var page = await site.CreateVisitor().GetAsync("/there/is/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We couldn't find that page", page.Text);
        Assert.Contains("Back to Discover", page.Text);
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_job_storage()
    {
        var response = await site.CreateVisitor().Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
