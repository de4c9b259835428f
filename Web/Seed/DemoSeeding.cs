namespace RedMvc.Web.Seed;

/// <summary>
/// Seeds the demo once the server listens, so a first run answers at once and the demo fills in
/// behind it (the discover page shows DemoProgress). Seeding resumes where a stopped run left off.
/// </summary>
public class DemoSeeding(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, DemoProgress progress, bool force, ILogger<DemoSeeding> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(force, progress, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Demo seeding stopped; the next start carries on from here");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Demo seeding failed; the site runs on without the rest of the demo");
            progress.Failed(ex);
        }
    }
}

public static class DemoSetup
{
    /// <summary>The demo seeders; seeding itself when asked (--seed) or on a Development run with Demo:Seed on.</summary>
    public static IServiceCollection AddRedDemo(this IServiceCollection services, IHostEnvironment environment, IConfiguration config, string[] args)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoNotes>();
        services.AddScoped<DemoConversations>();
        services.AddScoped<DemoShops>();
        services.AddScoped<DemoGroups>();
        services.AddScoped<DemoOrders>();
        services.AddScoped<DemoModeration>();
        services.AddSingleton<DemoProgress>();
        var force = args.Contains("--seed");
        // A command (migrate, create-admin) returns before the host starts, so this never runs beside one.
        if (force || SeedsDemo(environment, config))
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoSeeding>(sp, force));
        return services;
    }

    /// <summary>An empty database gets demo content in Development unless Demo:Seed is false (a test cluster starts empty).</summary>
    public static bool SeedsDemo(IHostEnvironment environment, IConfiguration config) =>
        environment.IsDevelopment() && config.GetValue("Demo:Seed", true);
}
