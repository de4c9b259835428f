using RedMvc.Web.Features.Messages;
using RedMvc.Web.Seed;
using RedMvc.Workers;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Find() });

builder.AddRedWorkers(runServer: builder.Configuration.GetValue("Workers:InProcess", true));
builder.Services.AddRedIdentity();
builder.Services.AddRedMvc();
builder.Services.AddRedSecurity(builder.Configuration, builder.Environment);
builder.Services.AddRedSharedCache(builder.Configuration); // Redis when Redis:Configuration is set, memory otherwise
builder.Services.AddRedOutputCache(builder.Configuration);
builder.Services.AddRedMessages(builder.Configuration); // SignalR, with the Redis backplane when Redis:Configuration is set
builder.Services.AddRedDemo(builder.Environment, builder.Configuration, args); // seeded behind the running site

var app = builder.Build();

if (await StartupCommands.TryRunAsync(app, args)) return;
await StartupCommands.PrepareDatabaseAsync(app);

app.UseRedPipeline();
app.MapRedMessages();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
