using System.Diagnostics;
using RedMvc.Bench.Images;
using RedMvc.Workers.Images;

// generate <folder> <count> <width> <height>   deterministic test photos (JPEG, quality 90)
// process <input folder> <output folder>        our PhotoProcessor over every .jpg, one after another
// generate-png <folder> <count> <width> <height> deterministic test photos (PNG, no grain, so 50 MP fits the upload limit)
// site-memory <site url> <data folder> <site pid> <png folder>  the running site's memory while members post the PNGs
return args switch
{
    ["generate", var folder, var count, var width, var height] => Generate(folder, int.Parse(count), int.Parse(width), int.Parse(height)),
    ["process", var input, var output] => Process(input, output),
    ["generate-png", var folder, var count, var width, var height] => GeneratePng(folder, int.Parse(count), int.Parse(width), int.Parse(height)),
    ["site-memory", var site, var data, var pid, var pngs] => await SiteMemory.RunAsync(new Uri(site), data, int.Parse(pid), pngs),
    _ => Usage(),
};

static int GeneratePng(string folder, int count, int width, int height)
{
    Directory.CreateDirectory(folder);
    Parallel.For(0, count, i => File.WriteAllBytes(Path.Combine(folder, $"photo{i:D3}.png"), SyntheticPhoto.Png(i, width, height)));
    Console.WriteLine($"generated {count} PNGs of {width}x{height} in {folder}");
    return 0;
}

static int Generate(string folder, int count, int width, int height)
{
    Directory.CreateDirectory(folder);
    for (var i = 0; i < count; i++)
        File.WriteAllBytes(Path.Combine(folder, $"photo{i:D3}.jpg"), SyntheticPhoto.Jpeg(i, width, height));
    Console.WriteLine($"generated {count} photos of {width}x{height} in {folder}");
    return 0;
}

static int Process(string input, string output)
{
    Directory.CreateDirectory(output);
    var processor = new PhotoProcessor(new DecodeBudget(256L * 1024 * 1024));
    var photos = Directory.GetFiles(input, "*.jpg").Order().ToList();
    var clock = Stopwatch.StartNew();
    foreach (var path in photos)
    {
        using var original = File.OpenRead(path);
        var processed = processor.Process(original);
        foreach (var file in processed.Outputs)
            File.WriteAllBytes(Path.Combine(output, $"{Path.GetFileNameWithoutExtension(path)}_{file.Width}.{file.Extension}"), file.Content);
    }
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"ours photos={photos.Count} seconds={seconds:F2} ms_per_photo={seconds * 1000 / photos.Count:F0} photos_per_second={photos.Count / seconds:F2}");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: generate|generate-png <folder> <count> <width> <height> | process <input folder> <output folder> | site-memory <site url> <data folder> <site pid> <png folder>");
    return 2;
}
