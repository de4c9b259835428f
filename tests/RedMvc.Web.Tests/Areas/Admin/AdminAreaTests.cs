namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class AdminAreaTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task The_staff_area_opens_for_staff_with_its_own_navigation_and_is_refused_to_others()
    {
        var visitorPage = await site.CreateVisitor().GetAsync("/admin");
        Assert.StartsWith("/account/sign-in", visitorPage.Url);

        var member = await site.ConfirmedMemberAsync(Person.New());
        var memberPage = await member.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Forbidden, memberPage.Status);
        Assert.DoesNotContain("href=\"/admin\"", (await member.GetAsync("/")).Html);

        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);

        var overview = await staff.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        var nav = overview.Document.QuerySelector("nav.admin-nav")!;
        Assert.Equal(["/admin", "/admin/reports", "/admin/appeals", "/admin/screening", "/admin/people", "/admin/shops", "/admin/orders", "/admin/audit", "/admin/jobs"],
            nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        int shops;
        await using (var scope = site.Services.CreateAsyncScope())
            shops = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Shops.CountAsync();
        Assert.Equal(shops.ToString(), overview.Document.QuerySelector("[data-figure=brands]")!.TextContent.Trim());

        var shopsPage = await staff.GetAsync("/admin/shops");
        Assert.Equal(HttpStatusCode.OK, shopsPage.Status);
        Assert.NotNull(shopsPage.Document.QuerySelector("nav.admin-nav a.is-active[href='/admin/shops']"));
        Assert.Contains("href=\"/admin\"", (await staff.GetAsync("/")).Html);
    }
}
