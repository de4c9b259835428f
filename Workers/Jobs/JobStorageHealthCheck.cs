using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RedMvc.Workers.Jobs;

/// <summary>Healthy when the job storage answers a query.</summary>
public class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s)"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is unreachable", ex));
        }
    }
}
