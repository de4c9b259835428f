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

    public static TheoryData<string, string> UnreadableBodies => new()
    {
        { "/settings/profile", "cut" },
        { "/settings/profile", "fields" },
        { "/notes/new", "cut" },
        { "/notes/new", "fields" },
        { "/settings/delete", "cut" },
    };

    /// <summary>The antiforgery token in the header, so the broken body reaches the action's binding.</summary>
    [Theory, MemberData(nameof(UnreadableBodies))]
    public async Task A_body_the_server_cannot_read_is_a_400_and_changes_nothing(string action, string kind)
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var token = (await member.GetAsync("/settings")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        HttpContent body = kind == "cut"
            ? new StringContent("--XYZ\r\nContent-Disposition: form-data; name=\"DisplayName\"\r\n\r\nab", null, "multipart/form-data")
            : new StringContent(string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=1")), null, "application/x-www-form-urlencoded");
        if (kind == "cut") body.Headers.ContentType!.Parameters.Add(new("boundary", "XYZ"));
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = body };
        request.Headers.Add("RequestVerificationToken", token);

        var response = await member.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var user = await site.Services.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == person.Email));
        Assert.Equal(person.DisplayName, user.DisplayName);
    }

    [Fact]
    public async Task A_yes_no_field_sent_as_something_else_shows_the_form_again()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var form = await member.GetAsync("/settings/profile");

        var page = await form.SubmitAsync(member.Client, "/settings/profile", new Dictionary<string, string> { ["DisplayName"] = "Xiaolu", ["HideCollects"] = "x" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/settings/profile", page.Url);
    }

    private static Dictionary<string, string> EmptyFieldsOf(Visitor.Page page, string action) =>
        page.Form(action).QuerySelectorAll("input[name]")
            .Select(i => i.GetAttribute("name")!)
            .Where(n => n != "__RequestVerificationToken" && n != "ReturnUrl" && n != "RememberMe")
            .Distinct()
            .ToDictionary(n => n, _ => "");
}
