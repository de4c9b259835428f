using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RedMvc.Web.Tests;

/// <summary>
/// A throwaway redis-server (Debian's, which ./run-tests.sh installs) on a free loopback port, with no
/// persistence and its files in a temp folder; stopped when the tests are done.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly string _folder = SiteSettings.NewDataFolder("redis");
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis connection string, for "Redis:Configuration".</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: ./run-tests.sh installs it (apt-get install redis-server).");
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", _folder, "--logfile", Path.Combine(_folder, "redis.log") })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        // Not left running when the test host ends without disposing the fixture (a crash, an abort).
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"redis-server did not answer on port {Port}: {Log()}");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        SiteSettings.DeleteDataFolder(_folder);
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (_process is { HasExited: false }) _process.Kill();
        }
        catch (InvalidOperationException)
        {
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[16];
            var read = await stream.ReadAsync(reply);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string Log()
    {
        var path = Path.Combine(_folder, "redis.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
