using RedMvc.Workers.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Web.Seed;

/// <summary>
/// Demo photos drawn from simple scenes (a sunset over hills, a table with plates, a city at dusk,
/// the sea), so the seeded feed looks composed rather than random. Deterministic per seed.
/// </summary>
public static class DemoPhotos
{
    private delegate Rgb24 Scene(double x, double y, Palette p);

    private record Palette(Rgb24 A, Rgb24 B, Rgb24 C, Rgb24 D);

    private static readonly Palette[] Palettes =
    [
        new(new(255, 183, 148), new(255, 94, 98), new(74, 58, 92), new(255, 236, 179)),
        new(new(168, 224, 255), new(86, 149, 219), new(40, 79, 120), new(255, 250, 230)),
        new(new(250, 240, 228), new(232, 190, 160), new(120, 86, 70), new(214, 76, 62)),
        new(new(214, 240, 220), new(120, 190, 150), new(44, 92, 80), new(250, 220, 120)),
        new(new(245, 228, 250), new(190, 150, 230), new(80, 60, 120), new(255, 200, 220)),
        new(new(255, 245, 214), new(246, 196, 110), new(140, 90, 40), new(60, 120, 110)),
    ];

    private static readonly Scene[] Scenes = [Sunset, Table, City, Sea];

    /// <summary>A JPEG of the given size; the seed picks the scene and the colours.</summary>
    public static byte[] Jpeg(int width, int height, int seed)
    {
        var palette = Palettes[seed % Palettes.Length];
        var scene = Scenes[seed / Palettes.Length % Scenes.Length];
        // Every other round of palettes and scenes is mirrored, so neighbouring notes rarely look alike.
        var mirrored = seed / (Palettes.Length * Scenes.Length) % 2 == 1;
        // The uploads' configuration: its small pool, not the default one that keeps hundreds of MB after seeding.
        using var image = new Image<Rgb24>(AcceptedImages.Configuration, width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++) row[x] = scene(mirrored ? 1 - (double)x / width : (double)x / width, (double)y / height * height / width, palette);
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static Rgb24 Mix(Rgb24 a, Rgb24 b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new Rgb24((byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));
    }

    // y runs from 0 at the top to height/width at the bottom (about 1.33 for a 3:4 portrait).
    private static Rgb24 Sunset(double x, double y, Palette p)
    {
        var sun = Math.Sqrt(Math.Pow(x - 0.62, 2) + Math.Pow(y - 0.55, 2));
        var sky = Mix(p.A, p.B, y / 0.9);
        if (sun < 0.12) sky = Mix(p.D, sky, sun / 0.12 * 0.3);
        var far = 0.78 + 0.05 * Math.Sin(x * 7 + 1);
        var near = 0.95 + 0.07 * Math.Sin(x * 4.3 + 2.5);
        if (y > near) return Mix(p.C, new Rgb24(20, 20, 30), (y - near) * 1.5);
        if (y > far) return Mix(p.C, p.B, 0.45);
        return sky;
    }

    private static Rgb24 Table(double x, double y, Palette p)
    {
        var table = Mix(p.A, p.B, y * 0.5 + 0.05 * Math.Sin(x * 40) * 0.2);
        var plate = Math.Sqrt(Math.Pow(x - 0.45, 2) + Math.Pow(y - 0.62, 2));
        if (plate < 0.26) return plate < 0.17 ? Mix(p.D, p.C, Math.Pow(plate / 0.17, 3)) : new Rgb24(250, 250, 248);
        var cup = Math.Sqrt(Math.Pow(x - 0.83, 2) + Math.Pow(y - 0.25, 2));
        if (cup < 0.11) return cup < 0.08 ? p.C : new Rgb24(245, 245, 242);
        return table;
    }

    private static Rgb24 City(double x, double y, Palette p)
    {
        var sky = Mix(p.B, p.C, y);
        var column = (int)(x * 9);
        var top = 0.45 + 0.35 * Math.Abs(Math.Sin(column * 12.9898) % 1);
        if (y < top) return sky;
        var window = (x * 9 % 1 is > 0.2 and < 0.8) && (y * 30 % 1 > 0.45) && Math.Sin(column * 3 + (int)(y * 30)) > 0.1;
        return window ? p.D : Mix(p.C, new Rgb24(25, 25, 35), 0.5);
    }

    private static Rgb24 Sea(double x, double y, Palette p)
    {
        const double horizon = 0.55;
        if (y < horizon) return Mix(p.D, p.A, y / horizon);
        var wave = 0.5 + 0.5 * Math.Sin(x * 30 + y * 80);
        var water = Mix(p.B, p.C, (y - horizon) * 1.4);
        return y > 1.1 ? Mix(new Rgb24(236, 220, 190), p.D, wave * 0.2) : Mix(water, Color.White.ToPixel<Rgb24>(), wave * 0.08);
    }
}
