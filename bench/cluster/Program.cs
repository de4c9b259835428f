using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Email;
using RedMvc.Workers.Jobs;

// Job throughput of the running cluster's workers: queues N outbox messages through the real path
// (a row, then SendEmailJob on the email queue), and times until every one is sent.
// usage: dotnet run -- "<PostgreSQL connection string>" <messages>
var connectionString = args[0];
var count = int.Parse(args[1]);

var builder = new DbContextOptionsBuilder<AppDbContext>();
DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connectionString });
await using var db = new AppDbContext(builder.Options);

var run = Guid.NewGuid().ToString("N")[..8];
var messages = Enumerable.Range(0, count)
    .Select(i => new EmailOutboxMessage("bench", $"bench{i}@bench.redmvc.local", $"{run}-{i}", "Bench", "<p>Bench</p>", "Bench"))
    .ToList();
db.EmailOutbox.AddRange(messages);
await db.SaveChangesAsync();

var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
var jobs = new BackgroundJobClient(new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options));
var clock = Stopwatch.StartNew();
foreach (var message in messages) jobs.Enqueue<SendEmailJob>(job => job.RunAsync(message.Id, CancellationToken.None));
var enqueued = clock.Elapsed;

var ids = messages.Select(m => m.Id).ToList();
var deadline = TimeSpan.FromMinutes(10);
while (clock.Elapsed < deadline && await db.EmailOutbox.CountAsync(m => ids.Contains(m.Id) && m.SentAt == null) > 0)
    await Task.Delay(200);
var sent = await db.EmailOutbox.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null);
Console.WriteLine($"{sent}/{count} sent in {clock.Elapsed.TotalSeconds:F1} s (enqueued in {enqueued.TotalSeconds:F1} s): {sent / clock.Elapsed.TotalSeconds:F0} jobs/s");
