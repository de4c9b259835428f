using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Bench.Images;

/// <summary>
/// A photo-like picture from a seed: a two-colour gradient sky, a few soft discs and blocks, and a
/// light grain so the JPEG has texture to code (flat colour would flatter every decoder).
/// The same seed always gives the same bytes.
/// </summary>
public static class SyntheticPhoto
{
    public static byte[] Jpeg(int seed, int width, int height)
    {
        using var image = Draw(seed, width, height, grain: true);
        using var buffer = new MemoryStream();
        image.SaveAsJpeg(buffer, new JpegEncoder { Quality = 90 });
        return buffer.ToArray();
    }

    /// <summary>The same picture without grain as a PNG: at 50 MP it stays under the 20 MB upload limit.</summary>
    public static byte[] Png(int seed, int width, int height)
    {
        using var image = Draw(seed, width, height, grain: false);
        using var buffer = new MemoryStream();
        image.SaveAsPng(buffer, new PngEncoder { CompressionLevel = PngCompressionLevel.BestCompression });
        return buffer.ToArray();
    }

    private static Image<Rgb24> Draw(int seed, int width, int height, bool grain)
    {
        var random = new Random(seed);
        var top = RandomColor(random);
        var bottom = RandomColor(random);
        var discs = Enumerable.Range(0, 5).Select(_ => (X: random.Next(width), Y: random.Next(height), R: random.Next(height / 12, height / 4), Color: RandomColor(random))).ToList();
        var blocks = Enumerable.Range(0, 3).Select(_ => (Rect: new Rectangle(random.Next(width), random.Next(height), random.Next(width / 8, width / 3), random.Next(height / 8, height / 3)), Color: RandomColor(random))).ToList();

        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                var sky = Mix(top, bottom, (float)y / height);
                for (var x = 0; x < width; x++)
                {
                    var color = sky;
                    foreach (var block in blocks)
                        if (block.Rect.Contains(x, y)) color = Mix(color, block.Color, 0.8f);
                    foreach (var disc in discs)
                    {
                        var distance = MathF.Sqrt((x - disc.X) * (x - disc.X) + (y - disc.Y) * (y - disc.Y));
                        if (distance < disc.R) color = Mix(color, disc.Color, Math.Clamp((disc.R - distance) / 40f, 0, 0.9f));
                    }
                    row[x] = grain ? Grain(color, x, y, seed) : color;
                }
            }
        });
        return image;
    }

    private static Rgb24 RandomColor(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    private static Rgb24 Mix(Rgb24 a, Rgb24 b, float amount) => new(
        (byte)(a.R + (b.R - a.R) * amount), (byte)(a.G + (b.G - a.G) * amount), (byte)(a.B + (b.B - a.B) * amount));

    /// <summary>A hash of the position, not Random: the grain must not depend on the loop order.</summary>
    private static Rgb24 Grain(Rgb24 color, int x, int y, int seed)
    {
        var hash = (uint)(x * 73856093 ^ y * 19349663 ^ seed * 83492791);
        var offset = (int)(hash % 13) - 6;
        return new((byte)Math.Clamp(color.R + offset, 0, 255), (byte)Math.Clamp(color.G + offset, 0, 255), (byte)Math.Clamp(color.B + offset, 0, 255));
    }
}
