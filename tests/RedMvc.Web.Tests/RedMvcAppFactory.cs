using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RedMvc.Web.Tests;

/// <summary>
/// The real site on a fresh SQLite file (through the real migrations), with its in-process
/// Hangfire server sending mail to the test Mailbox on 127.0.0.1.
/// </summary>
public class RedMvcAppFactory : WebApplicationFactory<Program>
{
    public RedMvcAppFactory()
    {
        Mailbox = new Mailbox(DescribeOutbox);
    }

    /// <summary>A second node of a web farm: its own host on another site's data folder (one SQLite file, one job storage).</summary>
    protected RedMvcAppFactory(string? dataFolder) : this()
    {
        if (dataFolder is null) return;
        DataFolder = dataFolder;
        _ownsDataFolder = false; // the first node deletes it
    }

    private readonly bool _ownsDataFolder = true;

    public string DataFolder { get; } = SiteSettings.NewDataFolder("tests");

    /// <summary>The SMTP server the site's job server sends to.</summary>
    public Mailbox Mailbox { get; }

    /// <summary>Settings a test class changes for its own site.</summary>
    protected virtual Dictionary<string, string?> Overrides => [];

    /// <summary>The hosting environment; "Testing" is outside Development, as production is.</summary>
    protected virtual string Environment => "Testing";

    /// <summary>Site:PublicBaseUrl; null leaves it to the site's settings files.</summary>
    protected virtual string? PublicBaseUrl => "https://localhost";

    private string DescribeOutbox(string recipient)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RedMvc.Domain.Data.AppDbContext>();
        var rows = db.EmailOutbox.Where(m => m.Recipient == recipient.ToLowerInvariant()).ToList();
        var jobs = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var stats = jobs.GetStatistics();
        return "Outbox: " + string.Join("; ", rows.Select(m => $"#{m.Id} {m.Purpose} sent={m.SentAt} attempts={m.Attempts} error={m.LastError}"))
            + $" | jobs: servers={stats.Servers} enqueued={stats.Enqueued} processing={stats.Processing} failed={stats.Failed} succeeded={stats.Succeeded}"
            + string.Concat(jobs.FailedJobs(0, 3).Select(j => $" | failed job: {j.Value.ExceptionType}: {j.Value.ExceptionMessage} {j.Value.ExceptionDetails?[..Math.Min(600, j.Value.ExceptionDetails.Length)]}"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var settings = SiteSettings.For(DataFolder, PublicBaseUrl, Mailbox, new Dictionary<string, string?> { ["Workers:WorkerCount"] = "2" }.Concat(Overrides));
        // UseSetting (not ConfigureAppConfiguration) so Program sees the values while it registers services.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public Visitor CreateVisitor(string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = true,
            HandleCookies = true,
        });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new Visitor(client);
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Mailbox.Dispose();
        if (_ownsDataFolder) SiteSettings.DeleteDataFolder(DataFolder);
    }
}

/// <summary>One app shared by the integration tests that do not change site-wide settings.</summary>
[CollectionDefinition(Name)]
public class SiteCollection : ICollectionFixture<RedMvcAppFactory>
{
    public const string Name = "site";
}
