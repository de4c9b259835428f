using Microsoft.Extensions.Hosting;

namespace RedMvc.Workers;

/// <summary>
/// Standalone job server: the same jobs and configuration as the site, without HTTP. Run it when
/// the web nodes set Workers:InProcess=false. Migrations are the site's job, not ours.
/// </summary>
public static class WorkerProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddRedWorkers(runServer: true);
        await builder.Build().RunAsync();
    }
}
