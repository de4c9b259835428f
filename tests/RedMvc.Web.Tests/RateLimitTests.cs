using System.Net;

namespace RedMvc.Web.Tests;

public class RateLimitTests
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_with_retry_after()
    {
        using var site = new StrictSite();
        var visitor = site.CreateVisitor();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await visitor.SignInAsync("nobody@example.test", "wrong-password")).Status);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var limited = await visitor.SignInAsync("nobody@example.test", "wrong-password");
        Assert.True(limited.Response.Headers.RetryAfter is not null);
        Assert.Contains("Slow down a little", limited.Text);
    }

    private sealed class StrictSite : RedMvcAppFactory
    {
        protected override Dictionary<string, string?> Overrides => new()
        {
            ["RateLimits:SignIn:PermitLimit"] = "3",
            ["RateLimits:SignIn:WindowSeconds"] = "60",
        };
    }
}
