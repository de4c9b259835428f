using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using netDumbster.smtp;
using RedMvc.Domain.Data;

namespace RedMvc.Workers.Tests;

/// <summary>
/// The Workers services on a fresh SQLite file (real migrations) with no job server running, so
/// each test calls the jobs itself; mail goes to a netDumbster server on 127.0.0.1.
/// </summary>
public sealed class WorkersHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkersHost(IHost host, SimpleSmtpServer smtp, string folder)
    {
        _host = host;
        Smtp = smtp;
        Folder = folder;
    }

    public SimpleSmtpServer Smtp { get; }
    public string Folder { get; }
    public IServiceProvider Services => _host.Services;

    public static async Task<WorkersHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "redmvc-workers-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = folder,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Configuration.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Site:PublicBaseUrl"] = "https://red.example",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRedWorkers(runServer: false);
        var host = builder.Build();
        await MigrationRunner.MigrateAsync(host.Services);
        return new WorkersHost(host, smtp, folder);
    }

    /// <summary>Runs work in its own DI scope, as Hangfire does for each job.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async sp => { await work(sp); return true; });

    public IReadOnlyList<MimeMessage> Received =>
        Smtp.ReceivedEmail.Select(e => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(e.Data)))).ToList();

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Smtp.Stop();
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
