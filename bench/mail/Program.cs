using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notifications;
using RedMvc.Workers;
using RedMvc.Workers.Jobs;

// [members=1000] [events per member=3]
// Seeds members with unread comments old enough for "at once" and as many with likes that came after
// today's digest hour (not due), then times the batching job's passes. Prints one line per pass.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var members = args.Length > 0 ? int.Parse(args[0]) : 1000;
var perMember = args.Length > 1 ? int.Parse(args[1]) : 3;
var folder = Path.Combine(Path.GetTempPath(), "redmvc-bench-mail", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);

var now = DateTime.UtcNow;
var chinaHour = now.AddHours(8).Hour;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = folder });
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:DataPath"] = folder,
    ["Site:PublicBaseUrl"] = "https://red.example",
    // The digest hour an hour or so ago in China time: the likes seeded just now are due only tomorrow.
    ["Email:Notifications:DailyDigestHour"] = ((chinaHour + 23) % 24).ToString(),
});
builder.AddRedWorkers(runServer: false);
using var host = builder.Build();
await MigrationRunner.MigrateAsync(host.Services);

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var normalizer = new UpperInvariantLookupNormalizer();
    AppUser Member(string handle) => new()
    {
        UserName = handle, NormalizedUserName = normalizer.NormalizeName(handle), Handle = handle, DisplayName = handle,
        Email = $"{handle}@example.test", NormalizedEmail = normalizer.NormalizeEmail($"{handle}@example.test"), EmailConfirmed = true, Culture = "en",
    };
    var actors = Enumerable.Range(0, perMember).Select(i => Member($"actor{i}")).ToList();
    var atOnce = Enumerable.Range(0, members).Select(i => Member($"reader{i}")).ToList();
    var daily = Enumerable.Range(0, members).Select(i => Member($"liked{i}")).ToList();
    db.Users.AddRange(actors.Concat(atOnce).Concat(daily));
    foreach (var (member, i) in atOnce.Select((m, i) => (m, i)))
        db.Notifications.AddRange(actors.Select((a, k) => Notification.About(NotificationKind.Comment, member.Id, a.Id, null, i * perMember + k, now.AddMinutes(-10))));
    foreach (var member in daily)
        db.Notifications.AddRange(actors.Select(a => Notification.About(NotificationKind.Like, member.Id, a.Id, null, null, now.AddMinutes(-2))));
    await db.SaveChangesAsync();
}

async Task<int> TimeAsync(string pass, Func<MailNotificationsJob, Task<int>> run)
{
    await using var scope = host.Services.CreateAsyncScope();
    var job = scope.ServiceProvider.GetRequiredService<MailNotificationsJob>();
    var watch = Stopwatch.StartNew();
    var mailed = await run(job);
    watch.Stop();
    Console.WriteLine($"{pass}: {mailed} mails queued in {watch.Elapsed.TotalMilliseconds:F0} ms"
        + (mailed > 0 ? $" ({mailed / watch.Elapsed.TotalSeconds:F0} mails/s)" : ""));
    return mailed;
}

Console.WriteLine($"{members} members with {perMember} unread comments each (at once, due), {members} with {perMember} likes each (daily, not due); SQLite");
await TimeAsync("at-once pass", job => job.RunAsync(CancellationToken.None));
await TimeAsync("at-once pass again (nothing due)", job => job.RunAsync(CancellationToken.None));
await TimeAsync("daily pass (digest hours away)", job => job.DailyDigestsAsync(CancellationToken.None));
await TimeAsync("daily pass again (members marked done)", job => job.DailyDigestsAsync(CancellationToken.None));
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
