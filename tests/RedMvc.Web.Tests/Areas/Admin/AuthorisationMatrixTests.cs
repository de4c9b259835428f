using Microsoft.AspNetCore.Routing;

namespace RedMvc.Web.Tests;

/// <summary>
/// Every route of the staff area (read from the app's endpoints, not listed by hand), asked by a visitor,
/// a member, a brand, a staff member and an admin. Visitors are sent to sign in; members and brands are
/// refused (403) before any action runs; staff reach everything except what is Admin's alone; admins
/// reach everything (a 404 for the made-up ids is reaching it). Posts go without a form token: an
/// allowed caller then gets the antiforgery 400, not a change.
/// </summary>
[Collection(SiteCollection.Name)]
public class AuthorisationMatrixTests(RedMvcAppFactory site)
{
    public enum Caller { Visitor, Member, Brand, Staff, Admin }

    private record AdminRoute(string Method, string Path, bool AdminOnly);

    private static readonly string[] AdminOnlyPaths = ["/admin/people/someone/roles"];

    private IReadOnlyList<AdminRoute> Routes()
    {
        var routes = new List<AdminRoute>();
        foreach (var endpoint in site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!pattern.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/admin/jobs")) continue;
            var path = string.Join("/", pattern.Split('/').Select(Fill));
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                routes.Add(new AdminRoute(method, path, AdminOnlyPaths.Contains(path)));
        }
        return routes.Distinct().ToList();
    }

    /// <summary>Route values that bind: a target kind, a number, a handle.</summary>
    private static string Fill(string segment) => segment switch
    {
        "{target}" => "Note",
        _ when segment.StartsWith("{handle") => "someone",
        _ when segment.StartsWith('{') => "1",
        _ => segment,
    };

    [Fact]
    public async Task The_matrix_covers_the_staff_area()
    {
        var paths = Routes().Select(r => $"{r.Method} {r.Path}").ToList();
        foreach (var expected in new[] { "GET /admin", "GET /admin/reports", "GET /admin/reports/Note/1", "POST /admin/reports/Note/1/act",
                     "GET /admin/appeals", "POST /admin/appeals/1", "GET /admin/people", "GET /admin/people/someone", "POST /admin/people/someone/roles",
                     "GET /admin/audit", "POST /admin/stats/refresh",
                     "GET /admin/shops", "POST /admin/shops/grant", "GET /admin/shops/1", "POST /admin/shops/1/suspend", "POST /admin/shops/1/restore",
                     "GET /admin/products/1", "POST /admin/products/1/takedown", "POST /admin/products/1/restore",
                     "GET /admin/orders", "GET /admin/orders/1", "POST /admin/orders/1/refund",
                     "GET /admin/screening", "POST /admin/screening/phrases", "POST /admin/screening/phrases/1/remove",
                     "POST /admin/screening/held/1/1/approve", "POST /admin/screening/held/1/1/remove" })
            Assert.Contains(expected, paths);
        Assert.DoesNotContain(paths, p => p.Contains("/admin/audit") && !p.StartsWith("GET")); // the log cannot be changed from the site
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(Caller.Visitor)]
    [InlineData(Caller.Member)]
    [InlineData(Caller.Brand)]
    [InlineData(Caller.Staff)]
    [InlineData(Caller.Admin)]
    public async Task Each_caller_reaches_exactly_what_their_role_allows(Caller caller)
    {
        var client = (await VisitorAsync(caller)).Client;
        var wrong = new List<string>();
        foreach (var route in Routes())
        {
            var response = route.Method == "POST"
                ? await client.PostAsync(route.Path, new FormUrlEncodedContent([]))
                : await client.GetAsync(route.Path);
            // Redirects are followed: a visitor ends on the sign-in page.
            var toSignIn = response.RequestMessage!.RequestUri!.AbsolutePath == "/account/sign-in";
            var refused = response.StatusCode == HttpStatusCode.Forbidden;
            var ok = caller switch
            {
                Caller.Visitor => toSignIn,
                Caller.Member or Caller.Brand => refused,
                Caller.Staff => route.AdminOnly ? refused : !refused && !toSignIn && (int)response.StatusCode < 500,
                _ => !refused && !toSignIn && (int)response.StatusCode < 500,
            };
            if (!ok) wrong.Add($"{route.Method} {route.Path}: {(int)response.StatusCode} at {response.RequestMessage.RequestUri.AbsolutePath}");
        }
        Assert.Empty(wrong);
    }

    private async Task<Visitor> VisitorAsync(Caller caller) => caller switch
    {
        Caller.Visitor => site.CreateVisitor(),
        Caller.Member => await site.ConfirmedMemberAsync(Person.New()),
        _ => await site.MemberWithRoleAsync(Person.New(), caller.ToString()),
    };
}
