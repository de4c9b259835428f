using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Workers;
using RedMvc.Workers.Commerce;

namespace RedMvc.Bench.Checkout;

/// <summary>
/// One race: a fresh data folder migrated by the real migrations, one product variant with
/// <c>stock</c> units, and <c>buyers</c> buyers released together, each placing one unit in its
/// own DI scope the way the web checkout does (place, then the payment timer and email).
/// </summary>
public static class Race
{
    private static readonly ShippingAddress Home = new("王小红", "13800138000", "上海", "上海市", "徐汇区", "武康路 100 号");

    public enum Answer { Placed, SoldOut, Error }

    /// <summary>
    /// Place is the place-order call alone; Whole adds OrderLifecycle.PlacedAsync, as the web request does.
    /// AnsweredAt (a Stopwatch timestamp) is when place-order returned: measured from the gate it adds
    /// the time the buyer waited for a thread-pool thread, as a request waits in the server's queue.
    /// </summary>
    public sealed record Attempt(Answer Answer, TimeSpan Place, TimeSpan Whole, long AnsweredAt, string? Error);

    public sealed record Outcome(int Buyers, int Stock, IReadOnlyList<Attempt> Attempts, int UnitsOrdered, int FinalStock, long OpenedAt, TimeSpan Wall, int MostInFlight)
    {
        public int Placed => Attempts.Count(a => a.Answer == Answer.Placed);
        public int SoldOut => Attempts.Count(a => a.Answer == Answer.SoldOut);
        public int Errors => Attempts.Count(a => a.Answer == Answer.Error);
        public int Oversell => Math.Max(0, UnitsOrdered - Stock);

        /// <summary>Stock never below zero, every unit either ordered or still on the shelf, and the answers match the rows.</summary>
        public bool Consistent => FinalStock >= 0 && UnitsOrdered + FinalStock == Stock && UnitsOrdered == Placed;

        public double OrdersPerSecond => Placed / Wall.TotalSeconds;
        public double AttemptsPerSecond => Attempts.Count / Wall.TotalSeconds;
        public double PlaceMs(double percentile) => Percentile(Attempts.Select(a => a.Place.TotalMilliseconds), percentile);
        public double WholeMs(double percentile) => Percentile(Attempts.Select(a => a.Whole.TotalMilliseconds), percentile);
        public double FromGateMs(double percentile) => Percentile(Attempts.Select(a => Stopwatch.GetElapsedTime(OpenedAt, a.AnsweredAt).TotalMilliseconds), percentile);

        public string Describe()
        {
            var errors = Attempts.Where(a => a.Error is not null).GroupBy(a => a.Error).Select(g => $"{g.Count()}x {g.Key}");
            return $"placed {Placed}, sold out {SoldOut}, errors {Errors}, units ordered {UnitsOrdered}, final stock {FinalStock}, " +
                $"oversell {Oversell}, stock check {(Consistent ? "ok" : "FAILED")}, at most {MostInFlight} place-order calls at once, wall {Wall.TotalMilliseconds:F0} ms, " +
                $"{OrdersPerSecond:F1} orders/s, {AttemptsPerSecond:F1} attempts/s, place-order p50 {PlaceMs(50):F1} p95 {PlaceMs(95):F1} " +
                $"p99 {PlaceMs(99):F1} max {PlaceMs(100):F1} ms; with PlacedAsync p99 {WholeMs(99):F1} ms; " +
                $"answer from the gate p50 {FromGateMs(50):F0} p99 {FromGateMs(99):F0} ms; summed over buyers: place-order " +
                $"{Attempts.Sum(a => a.Place.TotalMilliseconds):F0} ms, follow-up {Attempts.Sum(a => (a.Whole - a.Place).TotalMilliseconds):F0} ms" +
                (Errors > 0 ? "; " + string.Join("; ", errors) : "");
        }
    }

    /// <summary>One run's figures, as a child process hands them to the parent.</summary>
    public sealed record Measured(int Placed, int SoldOut, int Errors, int Oversell, int FinalStock, bool Consistent, double WallMs,
        double OrdersPerSecond, double AttemptsPerSecond, double PlaceP50, double PlaceP95, double PlaceP99, double PlaceMax,
        double WithFollowUpP99, double AnsweredP50, double AnsweredP99, int MostInFlight)
    {
        public static Measured Of(Outcome o) => new(o.Placed, o.SoldOut, o.Errors, o.Oversell, o.FinalStock, o.Consistent, o.Wall.TotalMilliseconds,
            o.OrdersPerSecond, o.AttemptsPerSecond, o.PlaceMs(50), o.PlaceMs(95), o.PlaceMs(99), o.PlaceMs(100),
            o.WholeMs(99), o.FromGateMs(50), o.FromGateMs(99), o.MostInFlight);
    }

    /// <summary>Medians over the runs of one configuration; oversell and errors are the worst run's.</summary>
    public sealed record Summary(int Buyers, int Stock, string Threads, IReadOnlyList<Measured> Runs)
    {
        private double Median(Func<Measured, double> value) => Percentile(Runs.Select(value), 50);

        public string Row() =>
            $"| {Buyers} | {Stock} | {Threads} | {Median(r => r.Placed):F0} | {Median(r => r.SoldOut):F0} | {Runs.Max(r => r.Errors)} | {Runs.Max(r => r.Oversell)} | " +
            $"{Median(r => r.FinalStock):F0} | {Median(r => r.WallMs):F0} | {Median(r => r.OrdersPerSecond):F0} | {Median(r => r.AttemptsPerSecond):F0} | " +
            $"{Median(r => r.PlaceP50):F1} | {Median(r => r.PlaceP95):F0} | {Median(r => r.PlaceP99):F0} | {Median(r => r.PlaceMax):F0} | " +
            $"{Median(r => r.WithFollowUpP99):F0} | {Median(r => r.AnsweredP50):F0} | {Median(r => r.AnsweredP99):F0} | {Median(r => r.MostInFlight):F0} |";
    }

    public static async Task<Outcome> RunAsync(string folder, int buyers, int stock)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var host = await StartAsync(folder);
        try
        {
            var shelf = await SeedAsync(host.Services, buyers, stock);
            // One order of another variant first, so JIT, EF's query cache and the pools are warm for the race.
            var warmUp = await BuyAsync(host.Services, shelf.WarmUpBuyerId, shelf.WarmUpVariantId, Task.CompletedTask, () => { }, new InFlight());
            if (warmUp.Answer != Answer.Placed) throw new InvalidOperationException($"the warm-up order failed: {warmUp.Error ?? warmUp.Answer.ToString()}");

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiting = buyers;
            void Ready() { if (Interlocked.Decrement(ref waiting) == 0) allReady.SetResult(); }
            var inFlight = new InFlight();
            var attempts = shelf.BuyerIds.Select(id => Task.Run(() => BuyAsync(host.Services, id, shelf.VariantId, gate.Task, Ready, inFlight))).ToList();
            await allReady.Task;
            var openedAt = Stopwatch.GetTimestamp();
            gate.SetResult();
            var results = await Task.WhenAll(attempts);
            var wall = Stopwatch.GetElapsedTime(openedAt);

            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unitsOrdered = await db.OrderLines.Where(l => l.VariantId == shelf.VariantId).SumAsync(l => l.Quantity);
            var finalStock = await db.ProductVariants.Where(v => v.Id == shelf.VariantId).Select(v => v.Stock).SingleAsync();
            return new Outcome(buyers, stock, results, unitsOrdered, finalStock, openedAt, wall, inFlight.Most);
        }
        finally
        {
            host.Dispose();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The Workers services with the app's own settings (SQLite, WAL, busy timeout); Hangfire client only.</summary>
    private static async Task<IHost> StartAsync(string folder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = folder,
            ["Database:Provider"] = "Sqlite",
            ["Site:PublicBaseUrl"] = "https://bench.redmvc.local",
            ["Logging:LogLevel:Default"] = "Warning",
            // OrdersOfAsync's two Includes warn once per run; the benchmark is not the place to say so.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Query"] = "Error",
        });
        builder.AddRedWorkers(runServer: false);
        var host = builder.Build();
        await MigrationRunner.MigrateAsync(host.Services);
        return host;
    }

    private sealed record Shelf(long VariantId, long WarmUpVariantId, string WarmUpBuyerId, IReadOnlyList<string> BuyerIds);

    private static async Task<Shelf> SeedAsync(IServiceProvider services, int buyers, int stock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var brand = Person(db, "brand");
        var shop = new Shop(brand.Id, brand.Handle, "枫叶生活馆", now);
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        var product = Product.Draft(shop.Id, "陶瓷保温杯", "好用", "home", now);
        var raced = product.AddVariant("奶白", 12900, null, stock);
        var warmUp = product.AddVariant("墨绿", 12900, null, 1);
        product.AddPhoto(new ProductPhoto("originals/none", 0));
        product.Activate(now);
        db.Products.Add(product);
        var warmUpBuyer = Person(db, "warmup");
        var buyerIds = Enumerable.Range(1, buyers).Select(i => Person(db, $"buyer{i}").Id).ToList();
        await db.SaveChangesAsync();
        return new Shelf(raced.Id, warmUp.Id, warmUpBuyer.Id, buyerIds);
    }

    private static AppUser Person(AppDbContext db, string handle)
    {
        var user = new AppUser { UserName = handle, Handle = handle, Email = $"{handle}@bench.redmvc.local", DisplayName = handle, Culture = "zh-CN" };
        db.Users.Add(user);
        return user;
    }

    /// <summary>One buyer: the scope is made before the gate opens, so the race is the checkout itself.</summary>
    private static async Task<Attempt> BuyAsync(IServiceProvider services, string buyerId, long variantId, Task gate, Action ready, InFlight inFlight)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<OrderLifecycle>();
        ready();
        await gate;
        var clock = Stopwatch.StartNew();
        try
        {
            inFlight.Enter();
            CheckoutResult result;
            try
            {
                result = await RedMvc.Domain.Commerce.Checkout.PlaceAsync(db, buyerId, Guid.NewGuid().ToString("N"), Home,
                    [new CheckoutLine(variantId, 1, null)], new ShippingRule(), DateTime.UtcNow);
            }
            finally { inFlight.Leave(); }
            var place = clock.Elapsed;
            var answeredAt = Stopwatch.GetTimestamp();
            switch (result)
            {
                case CheckoutResult.Placed placed:
                    await lifecycle.PlacedAsync(placed.Orders.Select(o => o.Id));
                    return new Attempt(Answer.Placed, place, clock.Elapsed, answeredAt, null);
                case CheckoutResult.SoldOut:
                    return new Attempt(Answer.SoldOut, place, place, answeredAt, null);
                default:
                    return new Attempt(Answer.Error, place, place, answeredAt, result.ToString());
            }
        }
        catch (Exception e)
        {
            return new Attempt(Answer.Error, clock.Elapsed, clock.Elapsed, Stopwatch.GetTimestamp(), $"{e.GetType().Name}: {e.GetBaseException().Message}");
        }
    }

    /// <summary>How many place-order calls ran at once, at most: the race is only as wide as the threads that run it.</summary>
    private sealed class InFlight
    {
        private int _now;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        public void Enter()
        {
            var now = Interlocked.Increment(ref _now);
            for (var most = Volatile.Read(ref _most); now > most; most = Volatile.Read(ref _most))
                if (Interlocked.CompareExchange(ref _most, now, most) == most) break;
        }

        public void Leave() => Interlocked.Decrement(ref _now);
    }

    /// <summary>Nearest-rank percentile (100 = the maximum).</summary>
    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
