using Microsoft.Extensions.DependencyInjection;
using RedMvc.Domain.Data;

namespace RedMvc.Testing;

/// <summary>Work against a host's database in a scope of its own, as one request or one job sees it.</summary>
public static class DbScope
{
    public static async Task<T> WithDbAsync<T>(this IServiceProvider services, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task WithDbAsync(this IServiceProvider services, Func<AppDbContext, Task> work) =>
        services.WithDbAsync(async db => { await work(db); return true; });
}
