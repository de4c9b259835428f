using System.Net.Sockets;

namespace RedMvc.Web.Tests;

/// <summary>
/// A node whose Redis cannot be reached keeps serving: caches miss and pages are computed, visitor
/// pages are rendered, limits are counted by the node alone, and "/health" says it is degraded.
/// </summary>
public class RedisOutageTests
{
    [Fact]
    public async Task A_node_without_its_redis_still_serves_limits_and_reports_degraded_health()
    {
        using var site = new UnreachableRedisSite();
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateVisitor().GetAsync($"/u/{person.Handle}")).Status);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await member.SendNoteAsync(Composer.Fields("断线"), TestPhotos.Files(1))).Status);
        var health = await site.CreateClient().GetAsync("/health");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
    }

    private sealed class UnreachableRedisSite : RedMvcAppFactory
    {
        protected override Dictionary<string, string?> Overrides => new()
        {
            ["Redis:Configuration"] = $"127.0.0.1:{ClosedPort()}",
            ["RateLimits:Posting:PermitLimit"] = "2",
        };

        /// <summary>A loopback port that nothing listens on.</summary>
        private static int ClosedPort()
        {
            using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
