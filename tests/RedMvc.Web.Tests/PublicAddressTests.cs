using Microsoft.AspNetCore.Mvc.Testing;

namespace RedMvc.Web.Tests;

/// <summary>Links in email work wherever the site runs: the request's origin in Development, Site:PublicBaseUrl elsewhere (required).</summary>
public class PublicAddressTests
{
    private sealed class DevelopmentSite : RedMvcAppFactory
    {
        protected override string Environment => "Development";
        protected override string? PublicBaseUrl => null; // whatever the Development settings file says
        protected override Dictionary<string, string?> Overrides => new() { ["Demo:Seed"] = "false" };
    }

    private sealed class ProductionSiteWithoutAddress : RedMvcAppFactory
    {
        protected override string Environment => "Production";
        protected override string? PublicBaseUrl => null;
    }

    [Fact]
    public async Task In_Development_the_confirmation_link_points_at_the_host_and_port_the_site_was_opened_on()
    {
        using var site = new DevelopmentSite();
        var visitor = new Visitor(site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://127.0.0.1:5391"), HandleCookies = true }));
        var person = Person.New();

        await visitor.RegisterAsync(person);
        var link = Mailbox.LinkIn(await site.Mailbox.WaitForAsync(person.Email), "/account/confirm-email");

        Assert.StartsWith("http://127.0.0.1:5391/account/confirm-email?", link);
    }

    [Fact]
    public void Outside_Development_the_site_refuses_to_start_without_its_public_address()
    {
        using var site = new ProductionSiteWithoutAddress();
        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());
        Assert.Contains("Site:PublicBaseUrl must be the site's public address", error.ToString());
    }
}
