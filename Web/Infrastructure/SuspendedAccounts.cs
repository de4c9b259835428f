using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// The ids of suspended accounts, read from the database at most every few seconds per node, so that a
/// suspended member's session ends at their next request without a query on every request. The node
/// that suspends forgets its copy at once; other nodes follow within RefreshEvery (decision 0035).
/// </summary>
public sealed class SuspendedAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private IReadOnlySet<string> _ids = new HashSet<string>();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async ValueTask<bool> IsSuspendedAsync(string userId)
    {
        if (clock.GetUtcNow() - _readAt > RefreshEvery) await RefreshAsync();
        return _ids.Contains(userId);
    }

    /// <summary>After a suspension or a restore on this node: the next request reads the list again.</summary>
    public void Forget() => _readAt = DateTimeOffset.MinValue;

    private async Task RefreshAsync()
    {
        await _reading.WaitAsync();
        try
        {
            if (clock.GetUtcNow() - _readAt <= RefreshEvery) return; // another request just read it
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            _ids = (await db.Users.Where(u => u.SuspendedAt != null).Select(u => u.Id).ToListAsync()).ToHashSet();
            _readAt = clock.GetUtcNow();
        }
        finally
        {
            _reading.Release();
        }
    }
}

public static class SuspendedSignOut
{
    /// <summary>A suspended member's request ends their session and lands on the page that says why.</summary>
    public static IApplicationBuilder UseSuspendedSignOut(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Id() is { } memberId
                && await context.RequestServices.GetRequiredService<SuspendedAccounts>().IsSuspendedAsync(memberId))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.Response.Redirect("/account/suspended");
                return;
            }
            await next(context);
        });
}
