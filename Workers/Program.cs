using Microsoft.Extensions.Hosting;
using RedMvc.Workers;

// Standalone job server: the same jobs and configuration as the site, without HTTP.
// Run it when the web nodes set Workers:InProcess=false. Migrations are the site's job, not ours.
var builder = Host.CreateApplicationBuilder(args);
builder.AddRedWorkers(runServer: true);
await builder.Build().RunAsync();
