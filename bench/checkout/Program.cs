using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RedMvc.Bench.Checkout;

// [buyers=200] [stock=50] [repeats=3]   one shelf, with the default thread pool and with a thread per buyer
// all [repeats=3]                       the shelves of docs/benchmarks.md ("Checkout")
// race <buyers> <stock> <min threads, 0 = default> <data folder>   one run (the others start one process per run)
// Prints one line per run and a markdown table of medians; exits 1 when any run oversold or lost stock.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const string ResultPrefix = "RESULT ";

if (args is ["race", var buyersArg, var stockArg, var threadsArg, var folder])
{
    if (int.Parse(threadsArg) is > 0 and var threads)
    {
        ThreadPool.GetMinThreads(out _, out var io);
        ThreadPool.SetMinThreads(threads, io);
    }
    var outcome = await Race.RunAsync(folder, int.Parse(buyersArg), int.Parse(stockArg));
    Console.WriteLine(outcome.Describe());
    Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(Race.Measured.Of(outcome)));
    return 0;
}

(int Buyers, int Stock)[] shelves;
int repeats;
switch (args)
{
    case ["all", ..]:
        shelves = [(200, 50), (200, 200), (1000, 100), (1000, 1000)];
        repeats = args.Length > 1 ? int.Parse(args[1]) : 3;
        break;
    default:
        shelves = [(args.Length > 0 ? int.Parse(args[0]) : 200, args.Length > 1 ? int.Parse(args[1]) : 50)];
        repeats = args.Length > 2 ? int.Parse(args[2]) : 3;
        break;
}

// Microsoft.Data.Sqlite's async calls run synchronously, so a buyer holds a thread while it waits for
// SQLite's write lock. With the default pool (as the site runs) the pool's growth limits how many buyers
// are inside SQLite at once; with a thread per buyer every buyer can be in the race from the first moment.
// Each run is its own process: a pool grown by one run would otherwise widen the next.
ThreadPool.GetMinThreads(out var defaultWorkers, out _);
var work = Environment.GetEnvironmentVariable("BENCH_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "redmvc-bench-checkout");
var summaries = new List<Race.Summary>();
var broken = false;
foreach (var (buyers, stock) in shelves)
    foreach (var threads in new[] { 0, Math.Max(buyers, defaultWorkers) })
    {
        var label = threads == 0 ? $"{defaultWorkers} (default)" : $"{threads} (one per buyer)";
        var runs = new List<Race.Measured>();
        for (var i = 1; i <= repeats; i++)
        {
            Console.Write($"{buyers} buyers, {stock} units, min threads {label}, run {i}: ");
            var measured = await RaceInChildAsync(buyers, stock, threads, Path.Combine(work, $"{buyers}-{stock}-{threads}-{i}"));
            broken |= !measured.Consistent;
            runs.Add(measured);
        }
        summaries.Add(new Race.Summary(buyers, stock, label, runs));
    }

Console.WriteLine();
Console.WriteLine($"medians of {repeats} runs (errors and oversell: the worst run), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-ddTHH:mmZ}");
Console.WriteLine();
Console.WriteLine("| buyers | stock | min threads | placed | sold out | errors | oversell | final stock | wall (ms) | orders/s | attempts/s | " +
    "place-order p50 (ms) | p95 | p99 | max | p99 with follow-up | answered after gate p50 | p99 | most in flight |");
Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var summary in summaries) Console.WriteLine(summary.Row());
if (broken) Console.Error.WriteLine("STOCK CHECK FAILED: see the runs above");
return broken ? 1 : 0;

static async Task<Race.Measured> RaceInChildAsync(int buyers, int stock, int threads, string folder)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    foreach (var arg in new[] { typeof(Race).Assembly.Location, "race", buyers.ToString(), stock.ToString(), threads.ToString(), folder })
        start.ArgumentList.Add(arg);
    using var child = Process.Start(start)!;
    Race.Measured? measured = null;
    while (await child.StandardOutput.ReadLineAsync() is { } line)
        if (line.StartsWith(ResultPrefix)) measured = JsonSerializer.Deserialize<Race.Measured>(line[ResultPrefix.Length..]);
        else Console.WriteLine(line);
    await child.WaitForExitAsync();
    return measured ?? throw new InvalidOperationException($"the run exited with {child.ExitCode} and no result");
}
