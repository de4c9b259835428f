namespace RedMvc.Cluster.Tests;

/// <summary>Bounded waiting for what workers do a moment later: every wait has a timeout and says what it saw last.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(string what, TimeSpan timeout, Func<Task<T?>> probe, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await probe() is { } value) return value;
                last = null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or Npgsql.NpgsqlException)
            {
                last = e;
            }
            if (DateTime.UtcNow > deadline)
            {
                var detail = explain is null ? "" : await explain();
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}. {(last is null ? "" : $"Last error: {last.Message}. ")}{detail}");
            }
            await Task.Delay(300);
        }
    }

    public static Task WaitAsync(string what, TimeSpan timeout, Func<Task<bool>> probe, Func<Task<string>>? explain = null) =>
        WaitAsync<object>(what, timeout, async () => await probe() ? true : null, explain);
}
