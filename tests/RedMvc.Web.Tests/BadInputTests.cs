namespace RedMvc.Web.Tests;

/// <summary>QUALITY.md: bad input gets a message next to the field, never a 500.</summary>
[Collection(SiteCollection.Name)]
public class BadInputTests(RedMvcAppFactory site)
{
    public static TheoryData<string, string> VisitorForms => new()
    {
        { "/account/register", "/account/register" },
        { "/account/sign-in", "/account/sign-in" },
        { "/account/forgot-password", "/account/forgot-password" },
    };

    public static TheoryData<string> MemberForms => ["/settings/password", "/settings/email", "/settings/delete"];

    [Theory, MemberData(nameof(VisitorForms))]
    public async Task An_empty_visitor_form_comes_back_with_messages(string page, string action)
    {
        var result = await site.CreateVisitor().SubmitAsync(page, action, EmptyFieldsOf(await site.CreateVisitor().GetAsync(page), action));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(result.Document.QuerySelectorAll(".field__error"), e => e.TextContent.Trim().Length > 0);
    }

    [Theory, MemberData(nameof(MemberForms))]
    public async Task An_empty_member_form_comes_back_with_messages(string page)
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var form = await member.GetAsync(page);
        var result = await form.SubmitAsync(member.Client, page, EmptyFieldsOf(form, page));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(result.Document.QuerySelectorAll(".field__error"), e => e.TextContent.Trim().Length > 0);
    }

    [Fact]
    public async Task Very_long_and_odd_input_is_refused_politely()
    {
        var fields = new Dictionary<string, string>
        {
            ["Email"] = new string('a', 5000) + "@example.test",
            ["DisplayName"] = new string('名', 500),
            ["Handle"] = "<script>alert(1)</script>",
            ["Password"] = "\t🙂🙂🙂\u202e\u200b",
        };
        var result = await site.CreateVisitor().SubmitAsync("/account/register", "/account/register", fields);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.NotNull(result.FieldError("Handle"));
        Assert.DoesNotContain("<script>alert(1)</script>", result.Html);
    }

    [Fact]
    public async Task A_form_with_a_nul_byte_gets_the_friendly_400_page()
    {
        var fields = new Dictionary<string, string> { ["Email"] = "a\0b@example.test", ["Password"] = "x" };
        var result = await site.CreateVisitor().SubmitAsync("/account/sign-in", "/account/sign-in", fields);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("That request didn't look right", result.Text);
    }

    private static Dictionary<string, string> EmptyFieldsOf(Visitor.Page page, string action) =>
        page.Form(action).QuerySelectorAll("input[name]")
            .Select(i => i.GetAttribute("name")!)
            .Where(n => n != "__RequestVerificationToken" && n != "ReturnUrl" && n != "RememberMe")
            .Distinct()
            .ToDictionary(n => n, _ => "");
}
