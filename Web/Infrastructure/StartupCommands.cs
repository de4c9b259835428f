using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RedMvc.Domain.Search;
using RedMvc.Web.Seed;
using RedMvc.Workers;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Infrastructure;

/// <summary>What happens before the site serves: commands, migrations, roles, demo content.</summary>
public static class StartupCommands
{
    /// <summary>
    /// Runs a command and returns true; otherwise false and the site starts.
    /// `migrate [--seed]`: applies the migrations, creates the roles and (with --seed, or in Development)
    /// the demo content, then exits; deploys run it once before starting web nodes with
    /// Database:MigrateOnStartup=false, so nodes starting together never race to migrate or seed. `create-admin &lt;email&gt;`: makes an Admin.
    /// `reindex`: rebuilds the search index from scratch (the outbox keeps it in step otherwise).
    /// </summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await MigrateAsync(app);
                if (args.Contains("--seed") || DemoSetup.SeedsDemo(app.Environment, app.Configuration))
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(force: args.Contains("--seed"), new DemoProgress());
                }
                Console.WriteLine("The database is up to date.");
                return true;
            case "create-admin" when args.Length < 2:
                Console.Error.WriteLine("Usage: dotnet run --project Web -- create-admin <email>");
                Environment.ExitCode = 2;
                return true;
            case "create-admin":
                await MigrateAsync(app);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var result = await AdminCommand.CreateAdminAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), args[1]);
                    Console.WriteLine(result.Message);
                    Environment.ExitCode = result.Succeeded ? 0 : 1;
                }
                return true;
            case "reindex":
                await MigrateAsync(app);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var indexed = await SearchIndexing.RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
                    Console.WriteLine($"The search index was rebuilt: {indexed} notes, products and people.");
                }
                return true;
            default:
                return false;
        }
    }

    private static async Task MigrateAsync(WebApplication app)
    {
        await MigrationRunner.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await EnsureRolesAsync(scope.ServiceProvider);
    }

    /// <summary>Migrations and roles; demo content, when asked for, is seeded after the server listens (DemoSeeding).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (options.MigrateOnStartup) await MigrationRunner.MigrateAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        await EnsureRolesAsync(scope.ServiceProvider);
        // Topics, products and brands segment as one word in queries too (new ones: at the next start, bigrams meanwhile).
        await SearchIndexing.LoadUserDictionaryAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        // Trending now rather than at the job's next turn, so a fresh site has its order.
        scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Enqueue<ComputeTrendsJob>(job => job.RunAsync(CancellationToken.None));

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddress(app));
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static void AnnounceAddress(WebApplication app)
    {
        var addresses = (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(a => a.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost")).ToList();
        foreach (var address in addresses) Console.WriteLine($"RedMvc is running. Open {address}");
        // Development without Site:PublicBaseUrl: mail sent by jobs links to where the site listens.
        if (addresses.Count > 0) app.Services.GetRequiredService<SiteLinks>().UseListeningAddress(addresses[0]);
        if (WorkersHostingExtensions.PickupFolder(app.Services) is { } pickup)
            Console.WriteLine($"No SMTP host is configured: emails are written as .eml files to {pickup}");
    }
}
