namespace RedMvc.Bench.Images;

/// <summary>
/// The whole site process's resident memory (VmRSS, sampled every 100 ms) while members post big
/// photos: where it starts, its peak while the photos are processed, and where it is a minute later.
/// </summary>
public static class SiteMemory
{
    private const int OutputsPerPhoto = 6;
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(Uri site, string dataFolder, int sitePid, string pngFolder)
    {
        var photos = Directory.GetFiles(pngFolder, "*.png").Order().ToList();
        var mail = Path.Combine(dataFolder, "mail-pickup");
        var outputs = Path.Combine(dataFolder, "files", "photos");
        var members = Enumerable.Range(0, photos.Count - 1).Select(_ => new SiteMember(site, mail)).ToList();
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < members.Count; i++) await members[i].RegisterAsync($"bench{run}{i}");

        // Warm up: the first photo through the pipeline loads the code, then the site is left to settle.
        await members[0].PostNoteAsync("warm-up", SyntheticPhoto.Jpeg(0, 2000, 1500), "warm-up.jpg");
        await WaitForOutputsAsync(outputs, OutputsPerPhoto);
        await Task.Delay(TimeSpan.FromSeconds(10));

        using var sampler = new RssSampler(sitePid);
        Console.WriteLine($"start: {Mb(sampler.Current)} MB");
        await MeasureAsync("one 50 MP PNG", sampler, outputs, members.Take(1), photos.Take(1));
        await MeasureAsync($"{members.Count} posted at once", sampler, outputs, members, photos.Skip(1));
        members.ForEach(m => m.Dispose());
        return 0;
    }

    private static async Task MeasureAsync(string name, RssSampler sampler, string outputs, IEnumerable<SiteMember> members, IEnumerable<string> photos)
    {
        var before = sampler.Current;
        var expected = Count(outputs) + OutputsPerPhoto * photos.Count();
        sampler.ResetPeak();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(members.Zip(photos, (member, photo) => member.PostNoteAsync(name, File.ReadAllBytes(photo), Path.GetFileName(photo))));
        await WaitForOutputsAsync(outputs, expected);
        var processed = clock.Elapsed;
        var peak = sampler.Peak;
        await Task.Delay(Settle);
        Console.WriteLine($"{name}: before {Mb(before)} MB, peak {Mb(peak)} MB, a minute later {Mb(sampler.Current)} MB (posted and processed in {processed.TotalSeconds:F0} s)");
    }

    private static async Task WaitForOutputsAsync(string folder, int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (Count(folder) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Count(folder)} of {count} outputs in {folder} after 10 minutes");
            await Task.Delay(250);
        }
    }

    private static int Count(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

    private static long Mb(long kb) => kb / 1024;

    /// <summary>
    /// Reads VmRSS of a process every 100 ms and keeps the highest since the last reset; the
    /// kernel's own high-water mark (VmHWM, reset through clear_refs) catches peaks between samples.
    /// </summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly int pid;
        private readonly Timer timer;
        private long peak;

        public RssSampler(int pid)
        {
            this.pid = pid;
            timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        }

        public long Current => Read("VmRSS");

        public long Peak => Math.Max(Interlocked.Read(ref peak), Read("VmHWM"));

        public void ResetPeak()
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            Interlocked.Exchange(ref peak, Current);
        }

        private void Sample()
        {
            var now = Current;
            long seen;
            while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
        }

        /// <summary>A field of /proc/pid/status, in KB.</summary>
        private long Read(string field)
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }

        public void Dispose() => timer.Dispose();
    }
}
