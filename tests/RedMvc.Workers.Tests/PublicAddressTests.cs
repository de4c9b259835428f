using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace RedMvc.Workers.Tests;

public class PublicAddressTests
{
    private static HostApplicationBuilder Builder(string environment, string? publicBaseUrl)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = publicBaseUrl });
        return builder;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("red.example.com")] // no scheme: not an address a mail client can open
    public void Outside_Development_the_workers_refuse_to_start_without_the_sites_public_address(string? publicBaseUrl)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Builder("Production", publicBaseUrl).AddRedWorkers(runServer: true));
        Assert.Contains("Site:PublicBaseUrl must be the site's public address", error.Message);
    }

    [Fact]
    public void With_the_address_or_in_Development_they_start()
    {
        Builder("Production", "https://red.example.com").AddRedWorkers(runServer: true);
        Builder("Development", null).AddRedWorkers(runServer: true);
    }
}
