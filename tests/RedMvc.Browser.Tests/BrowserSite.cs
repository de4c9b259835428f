using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RedMvc.Browser.Tests;

/// <summary>
/// The real site served by Kestrel on 127.0.0.1 (fresh SQLite file through the real migrations, its
/// in-process job server mailing the test Mailbox), and one headless system Chromium to drive it.
/// </summary>
public sealed class BrowserSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Every wait in the tests gives up after this, so a broken page fails instead of hanging.</summary>
    public const float WaitMilliseconds = 15_000;

    private static readonly string[] ChromiumArgs =
    [
        // Chromium's sandbox refuses to run as root (as tests do here); no GPU; nothing that reaches for the closed network.
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string dataFolder = SiteSettings.NewDataFolder("browser-tests");
    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserSite()
    {
        // The port is chosen before the site starts because emails carry absolute links (Site:PublicBaseUrl).
        var port = FreeLoopbackPort();
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public string BaseUrl { get; }

    /// <summary>The SMTP server the site's job server sends to.</summary>
    public Mailbox Mailbox { get; } = new();

    public async Task InitializeAsync()
    {
        StartServer();
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000, // a cold first start on a small machine can take a while
        });
        Assertions.SetDefaultExpectTimeout(WaitMilliseconds);
    }

    /// <summary>A page in a fresh browser context (its own cookies), with the browser's language, window size and time zone.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US", int width = 1280, int height = 900, string? timezoneId = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timezoneId,
        });
        context.SetDefaultTimeout(WaitMilliseconds);
        context.SetDefaultNavigationTimeout(WaitMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in through the real form as a member made with Members.Password.</summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Members.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Account menu", new() { Exact = true })).ToBeVisibleAsync();
        return page;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // A real browser on plain http://127.0.0.1: no HTTPS redirect, no Secure-only cookies.
        var settings = SiteSettings.For(dataFolder, BaseUrl, Mailbox, new Dictionary<string, string?> { ["Security:RequireHttps"] = "false" });
        // UseSetting (not ConfigureAppConfiguration) so Program sees the values while it registers services.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        Mailbox.Dispose();
        SiteSettings.DeleteDataFolder(dataFolder);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// All browser tests share one site, so they run one after another. A second site in the same process
/// is not safe: Hangfire logs through a static provider bound to the last started host's logger factory,
/// and once that host is disposed the other host's job storage throws ObjectDisposedException.
/// Each test still owns its data (its own accounts, a fresh browser context with its own cookies).
/// </summary>
[CollectionDefinition(Name)]
public class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
