using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Data;
using RedMvc.Workers.Commerce;
using RedMvc.Workers.Email;
using RedMvc.Workers.Files;
using RedMvc.Workers.Hosting;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Workers;

public static class WorkersHostingExtensions
{
    /// <summary>
    /// Database, email and Hangfire for both hosts. runServer adds the one Hangfire server that
    /// processes jobs (in the web process by default, or in the standalone Workers process).
    /// </summary>
    public static IHostApplicationBuilder AddRedWorkers(this IHostApplicationBuilder builder, bool runServer)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        SiteLinks.RequireOutsideDevelopment(config["Site:PublicBaseUrl"], builder.Environment.EnvironmentName);
        var dataFolder = DataPaths.DataFolder(config, builder.Environment.ContentRootPath);

        services.AddRedDatabase(config, builder.Environment.ContentRootPath);
        // Keys in the database: every web node, worker and restart reads cookies, tokens and unsubscribe links another wrote.
        services.AddDataProtection().SetApplicationName("RedMvc").PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Pages and emails keep Chinese text readable instead of &#x...; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<SiteOptions>(config.GetSection("Site"));
        services.AddSingleton<SiteLinks>();
        AddEmail(services, config, dataFolder);
        AddFilesAndImages(services, config, dataFolder);
        AddHangfire(services, config, builder.Environment.ContentRootPath, dataFolder);
        services.AddRedPayments(config, dataFolder);

        services.AddScoped<SendEmailJob>();
        services.AddScoped<SweepEmailOutboxJob>();
        services.AddScoped<SweepPendingPhotosJob>();
        services.AddScoped<PublishScheduledNotesJob>();
        services.AddScoped<ProcessNotePhotosJob>();
        services.AddScoped<DeleteNotePhotosJob>();
        services.AddScoped<DeleteAvatarFilesJob>();
        services.AddScoped<ExportMemberDataJob>();
        services.AddScoped<Accounts.MemberDataArchive>();
        services.AddScoped<Accounts.AccountClosing>();
        services.AddScoped<RecomputeCountsJob>();
        services.AddScoped<RollupDailyStatsJob>();
        services.AddScoped<ProcessAvatarJob>();
        services.AddScoped<ProcessProductPhotosJob>();
        services.AddScoped<ProcessMessagePhotosJob>();
        services.AddScoped<ProcessShopLogoJob>();
        services.AddScoped<ProcessGroupImageJob>();
        services.AddScoped<ProcessGroupThreadPhotosJob>();
        services.AddScoped<NotifyThreadWatchersJob>();
        services.AddScoped<GroupActivityJob>();
        services.AddScoped<DeleteGroupPhotosJob>();
        services.Configure<RedMvc.Domain.Groups.GroupLimits>(config.GetSection("Groups"));
        services.AddScoped<CancelUnpaidOrderJob>();
        services.AddScoped<FulfilOrderJob>();
        services.AddScoped<SandboxCarrierJob>();
        services.AddScoped<CompleteOrderJob>();
        services.AddScoped<ReviewInvitationJob>();
        services.AddScoped<SweepOrdersJob>();
        services.AddScoped<Commerce.OrderLifecycle>();
        services.AddScoped<OrderEmails>();
        services.AddScoped<PenaltyEmails>();
        services.AddSingleton<Commerce.IPaymentRefunds, Commerce.SandboxRefunds>();
        services.Configure<Commerce.FulfilmentOptions>(config.GetSection("Shop:Fulfilment"));
        services.Configure<RedMvc.Domain.Commerce.ShippingRule>(config.GetSection("Shop:Shipping"));
        services.AddScoped<ComputeTrendsJob>();
        services.AddScoped<SearchIndexJob>();
        services.AddScoped<ComputeHotSearchesJob>();
        services.Configure<RedMvc.Domain.Ranking.RankingOptions>(config.GetSection("Ranking"));
        services.Configure<RedMvc.Domain.Notes.NoteLimits>(config.GetSection("Notes"));
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");

        if (runServer)
        {
            var cores = Environment.ProcessorCount;
            AddJobServer(services, "", Queues.Urgent, config.GetValue("Workers:WorkerCount", Math.Max(2, cores * 2)));
            AddJobServer(services, ":bulk", [Queues.Bulk], config.GetValue("Workers:BulkWorkerCount", Math.Max(1, cores / 2)));
            services.AddHostedService<RecurringJobsRegistrar>();
        }
        return builder;
    }

    /// <summary>
    /// A Hangfire server for these queues. Bulk work has a server of its own: a server's queue order
    /// is no priority on PostgreSQL (Hangfire.PostgreSql takes queues in alphabetical order, so "bulk"
    /// would come first), and its own workers mean a member's upload never waits behind a backlog.
    /// </summary>
    private static void AddJobServer(IServiceCollection services, string nameSuffix, string[] queues, int workerCount) =>
        services.AddHangfireServer((provider, server) =>
        {
            // This host's container, not Hangfire's static JobActivator.Current (shared by every host in a process).
            server.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            server.Queues = queues;
            server.WorkerCount = workerCount;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}{nameSuffix}";
        });

    private static void AddEmail(IServiceCollection services, IConfiguration config, string dataFolder)
    {
        services.Configure<EmailOptions>(config.GetSection("Email"));
        var options = config.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            var pickup = Path.GetFullPath(Path.Combine(dataFolder, options.PickupFolder));
            services.AddSingleton<IEmailSender>(sp =>
                new PickupFolderEmailSender(pickup, sp.GetRequiredService<ILogger<PickupFolderEmailSender>>()));
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        services.AddScoped<EmailRenderer>();
        services.AddScoped<OutboxMailer>();
        services.AddScoped<AccountEmails>();
        services.Configure<NotificationMailOptions>(config.GetSection("Email:Notifications"));
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<NotificationEmails>();
        services.AddScoped<WeeklyDigestEmails>();
        services.AddScoped<MailNotificationsJob>();
        services.AddScoped<WeeklyDigestJob>();
    }

    private static void AddFilesAndImages(IServiceCollection services, IConfiguration config, string dataFolder)
    {
        var configured = config["Storage:FilesPath"];
        var filesFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(dataFolder, "files") : Path.Combine(dataFolder, configured));
        services.AddSingleton<IFileStore>(new LocalFileStore(filesFolder));
        services.Configure<UploadLimits>(config.GetSection("Uploads"));
        services.AddSingleton<UploadInspector>();
        services.AddSingleton(new DecodeBudget(DecodeBudgetBytes(config)));
        services.AddSingleton<PhotoProcessor>();
    }

    /// <summary>Images:DecodeBudgetMegabytes when set, otherwise a share of the memory this process may use.</summary>
    private static long DecodeBudgetBytes(IConfiguration config) =>
        config.GetValue<long?>("Images:DecodeBudgetMegabytes") is { } megabytes and > 0
            ? megabytes * 1024 * 1024
            : DecodeBudget.DefaultCapacityBytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    private static void AddHangfire(IServiceCollection services, IConfiguration config, string contentRoot, string dataFolder)
    {
        var database = DatabaseServiceCollectionExtensions.ReadOptions(config, contentRoot);
        // Our own storage singleton: Hangfire would otherwise hand every host in the process the
        // static JobStorage.Current, and two hosts (the test suites start several) would share one.
        // Made when first asked for (the job server starts after the migrations), so a server database
        // that the migrations are about to create is there when Hangfire prepares its schema in it.
        services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.Zero,
            }),
            DatabaseProvider.PostgreSql => PostgreSqlJobs(database.ConnectionString!, config.GetValue("Workers:DeadWorkerAfter", TimeSpan.FromMinutes(1)),
                config.GetValue("Workers:LockTimeout", TimeSpan.FromMinutes(10))),
            // Its own file: Hangfire's polling must not contend with the site's database.
            _ => new SQLiteStorage(Path.Combine(dataFolder, "hangfire.db"), new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }),
        });
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));
    }

    /// <summary>
    /// Jobs in the site's PostgreSQL database, schema "hangfire", shared by every worker process. A
    /// running job's fetch is renewed by a heartbeat (sliding invisibility), so a long photo job is never
    /// taken twice, while the job of a worker that died is fetched again by another after deadWorkerAfter.
    /// A lock a dead worker held (the delayed and recurring job schedulers' locks, DisableConcurrentExecution's)
    /// is taken over after lockTimeout ("Workers:LockTimeout", the library's 10 minutes by default): until
    /// then no worker moves scheduled jobs or starts recurring ones. A lock is not renewed while held, so
    /// a lower value also lets a second sweep start beside one that runs longer; sweeps are safe to overlap.
    /// </summary>
    private static PostgreSqlStorage PostgreSqlJobs(string connectionString, TimeSpan deadWorkerAfter, TimeSpan lockTimeout)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            InvisibilityTimeout = deadWorkerAfter,
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = lockTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>Where .eml files go when no SMTP host is configured; null when SMTP is used.</summary>
    public static string? PickupFolder(IServiceProvider services) =>
        (services.GetService<IEmailSender>() as PickupFolderEmailSender)?.Folder;
}
