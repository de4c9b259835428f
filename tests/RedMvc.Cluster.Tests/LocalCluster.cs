using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace RedMvc.Cluster.Tests;

/// <summary>
/// A cluster of our own, started by deploy/local/run.sh from the solution's build (the configuration
/// these tests were built in): PostgreSQL, Redis, web1 and web2 (no job server in them), worker1 and
/// worker2 (Hangfire on PostgreSQL) and nginx in front, on free loopback ports, with its state in a
/// folder of its own under /tmp. It starts empty, and it is always stopped and removed at the end.
/// </summary>
public sealed partial class LocalCluster : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public LocalCluster()
    {
        var ports = FreePorts(5);
        (ProxyPort, PgPort, RedisPort, WebPorts) = (ports[0], ports[1], ports[2], [ports[3], ports[4]]);
        State = Path.Combine(Path.GetTempPath(), $"redmvc-cluster-test-{Guid.NewGuid().ToString("N")[..10]}");
    }

    public string State { get; }
    public int ProxyPort { get; }
    public int PgPort { get; }
    public int RedisPort { get; }
    public int[] WebPorts { get; }

    /// <summary>Where a test run leaves run.sh's own output; kept, with the processes' logs, when a test failed.</summary>
    private string RunLog => State + ".run.log";

    /// <summary>nginx: the address members use.</summary>
    public Uri Site => new($"http://127.0.0.1:{ProxyPort}/");

    /// <summary>One web process directly, without nginx (1 or 2).</summary>
    public Uri Web(int number) => new($"http://127.0.0.1:{WebPorts[number - 1]}/");

    public string ConnectionString => $"Host=127.0.0.1;Port={PgPort};Username=redmvc;Database=redmvc;Timeout=10;Command Timeout=20";

    /// <summary>The shared data folder's mail pickup: with no SMTP host every email is an .eml file here.</summary>
    public string MailFolder => Path.Combine(State, "shared", "mail-pickup");

    /// <summary>Set by a test that failed, so the logs are kept for whoever reads the failure.</summary>
    public bool KeepLogs { get; set; }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release: the one these tests were built in, so the cluster runs the same build.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public async Task InitializeAsync()
    {
        try
        {
            await RunAsync(StartTimeout, "start");
        }
        catch
        {
            KeepLogs = true;
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (KeepLogs && Directory.Exists(Path.Combine(State, "logs")))
        {
            var kept = State + "-logs";
            CopyFolder(Path.Combine(State, "logs"), kept);
            Console.WriteLine($"Cluster logs kept in {kept}");
        }
        try
        {
            await RunAsync(CommandTimeout, "stop");
        }
        finally
        {
            if (!KeepLogs) File.Delete(RunLog);
            // run.sh stop removes the folder; this is for a stop that failed half-way.
            if (Directory.Exists(Path.Combine(State, "pids"))) KillLeftovers();
        }
    }

    /// <summary>The process id run.sh wrote for web1, worker2, nginx...</summary>
    public int Pid(string name) => int.Parse(File.ReadAllText(Path.Combine(State, "pids", name + ".pid")).Trim());

    public bool IsRunning(string name)
    {
        try
        {
            using var process = Process.GetProcessById(Pid(name));
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL to each at once, as a crash or the OOM killer would: no shutdown, no cleanup, jobs and requests cut off. Returns when they are gone.</summary>
    public void Kill(params string[] names)
    {
        var processes = names.Select(name => Process.GetProcessById(Pid(name))).ToList();
        try
        {
            processes.ForEach(p => p.Kill());
            foreach (var (process, name) in processes.Zip(names))
                if (!process.WaitForExit(10_000)) throw new TimeoutException($"{name} did not die");
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    /// <summary>Starts a process again the way run.sh started it; a web process is waited for until /health answers.</summary>
    public Task RestartAsync(string name) => RunAsync(CommandTimeout, "restart", name);

    /// <summary>run.sh create-admin: a new Admin account; returns its one-time password.</summary>
    public async Task<string> CreateAdminAsync(string email)
    {
        var output = await RunAsync(CommandTimeout, "create-admin", email);
        return PasswordLine().Match(output) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"create-admin printed no password:\n{output}");
    }

    /// <summary>The last lines of every log, for a failure message.</summary>
    public string LogTails(int lines = 25)
    {
        var logs = Path.Combine(State, "logs");
        var files = (Directory.Exists(logs) ? Directory.GetFiles(logs, "*.log").Order() : Enumerable.Empty<string>()).Append(RunLog);
        return string.Concat(files.Where(File.Exists).Select(f =>
        {
            var tail = File.ReadLines(f).TakeLast(lines);
            return $"\n--- {Path.GetFileName(f)} (last {lines} lines) ---\n{string.Join('\n', tail)}";
        }));
    }

    /// <summary>Runs run.sh with this cluster's settings; its output goes to RunLog (daemons it starts must not hold a pipe of ours).</summary>
    private async Task<string> RunAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoRoot, UseShellExecute = false };
        var output = Path.Combine(Path.GetTempPath(), $"redmvc-cluster-test-{Guid.NewGuid():N}.out");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("\"$0\" \"$@\" >\"$REDMVC_TEST_OUTPUT\" 2>&1");
        start.ArgumentList.Add("deploy/local/run.sh");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in Settings()) start.Environment[key] = value;
        start.Environment["REDMVC_TEST_OUTPUT"] = output;

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"run.sh {string.Join(' ', args)} did not finish in {timeout}:\n{Read(output)}{LogTails()}");
            }
            var text = Read(output);
            await File.AppendAllTextAsync(RunLog, $"$ run.sh {string.Join(' ', args)} (exit {process.ExitCode})\n{text}\n");
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"run.sh {string.Join(' ', args)} failed with {process.ExitCode}:\n{text}{LogTails()}");
            return text;
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    /// <summary>
    /// run.sh's variables, and settings every process of the cluster inherits: a job whose worker died
    /// is fetched again after 10 s (default 1 minute) and a dead worker's lock is taken over after 30 s
    /// (default 10 minutes); the sandbox carrier delivers and the review invitation follows a few seconds
    /// after; the rate limits (one address for every test member) stay out of the way.
    /// </summary>
    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["REDMVC_CLUSTER_STATE"] = State,
            ["REDMVC_PROXY_PORT"] = ProxyPort.ToString(),
            ["REDMVC_PG_PORT"] = PgPort.ToString(),
            ["REDMVC_REDIS_PORT"] = RedisPort.ToString(),
            ["REDMVC_WEB_PORTS"] = string.Join(' ', WebPorts),
            ["REDMVC_WORKERS"] = "2",
            ["REDMVC_CONFIGURATION"] = Configuration,
            ["REDMVC_BUILD"] = "false",
            ["REDMVC_DEMO"] = "false",
            ["Workers__DeadWorkerAfter"] = "00:00:10",
            ["Workers__LockTimeout"] = "00:00:30",
            ["Shop__Fulfilment__DeliveryDelay"] = "00:00:03",
            ["Shop__Fulfilment__ReviewInvitationDelay"] = "00:00:03",
        };
        foreach (var policy in new[] { "SignIn", "Register", "PasswordReset", "Posting", "Commenting", "Checkout" })
            settings[$"RateLimits__{policy}__PermitLimit"] = "10000";
        return settings;
    }

    /// <summary>Distinct free loopback ports: all held open together, then released for the cluster.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private void KillLeftovers()
    {
        foreach (var pidFile in Directory.GetFiles(Path.Combine(State, "pids"), "*.pid"))
        {
            try
            {
                using var process = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim()));
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                // Gone already.
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RedMvc.sln"))) return dir.FullName;
        throw new InvalidOperationException("RedMvc.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"password: (\S+)")]
    private static partial Regex PasswordLine();
}
