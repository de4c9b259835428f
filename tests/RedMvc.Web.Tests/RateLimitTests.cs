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

    [Fact]
    public async Task Posting_is_limited_per_member_not_for_everyone_at_once()
    {
        using var site = new StrictSite();
        var eager = await site.ConfirmedMemberAsync(Person.New());
        var other = await site.ConfirmedMemberAsync(Person.New());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add(await PostAsync(eager));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(other));
    }

    [Fact]
    public async Task Searching_is_limited_per_client()
    {
        using var site = new StrictSite();
        var eager = site.CreateVisitor();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await eager.Client.GetAsync($"/search?q=限流{i}")).StatusCode);
        statuses.Add((await eager.Client.GetAsync("/search/suggest?q=限")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<HttpStatusCode> PostAsync(Visitor member) =>
        (await member.SendNoteAsync(Composer.Fields("限流"), TestPhotos.Files(1))).Status;

    private sealed class StrictSite : RedMvcAppFactory
    {
        protected override Dictionary<string, string?> Overrides => new()
        {
            ["RateLimits:SignIn:PermitLimit"] = "3",
            ["RateLimits:SignIn:WindowSeconds"] = "60",
            ["RateLimits:Posting:PermitLimit"] = "2",
            ["RateLimits:Search:PermitLimit"] = "2",
        };
    }
}
