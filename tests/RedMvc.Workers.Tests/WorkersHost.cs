using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace RedMvc.Workers.Tests;

/// <summary>
/// The Workers services on a fresh SQLite file (real migrations) with no job server running, so
/// each test calls the jobs itself (or, with a job server, starts it when its jobs are queued);
/// mail goes to the test Mailbox on 127.0.0.1.
/// </summary>
public sealed class WorkersHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkersHost(IHost host, Mailbox mailbox, string folder)
    {
        _host = host;
        Mailbox = mailbox;
        Folder = folder;
    }

    /// <summary>The SMTP server the mail jobs send to.</summary>
    public Mailbox Mailbox { get; }
    public string Folder { get; }
    public IServiceProvider Services => _host.Services;

    public static async Task<WorkersHost> StartAsync(Dictionary<string, string?>? settings = null, bool jobServer = false)
    {
        var folder = SiteSettings.NewDataFolder("workers-tests");
        Directory.CreateDirectory(folder);
        var mailbox = new Mailbox();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(SiteSettings.For(folder, "https://red.example", mailbox, settings));
        builder.AddRedWorkers(runServer: jobServer);
        var host = builder.Build();
        await MigrationRunner.MigrateAsync(host.Services);
        return new WorkersHost(host, mailbox, folder);
    }

    /// <summary>Starts the host: its Hangfire server (when it has one) begins taking the queued jobs.</summary>
    public async Task RunJobServerAsync()
    {
        await _host.StartAsync();
        _started = true;
    }

    private bool _started;

    /// <summary>Runs work in its own DI scope, as Hangfire does for each job.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return true; });

    public async ValueTask DisposeAsync()
    {
        if (_started) await _host.StopAsync();
        _host.Dispose();
        Mailbox.Dispose();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        SiteSettings.DeleteDataFolder(Folder);
    }
}
