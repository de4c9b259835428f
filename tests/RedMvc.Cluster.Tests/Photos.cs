using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Cluster.Tests;

/// <summary>Real JPEGs made on the spot: a gradient with a seed, so each is a distinct valid photo.</summary>
public static class Photos
{
    public static byte[] Jpeg(int width, int height, int seed)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)((y * 255 / height + seed * 37) % 256), (byte)((x ^ y) + seed * 71));
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    /// <summary>The composer's "Photos" field with this many photos; large ones keep a worker busy for a while.</summary>
    public static IReadOnlyList<(string Name, string FileName, byte[] Content)> Files(int count, int seed, int width = 480, int height = 360) =>
        Enumerable.Range(0, count).Select(i => ("Photos", $"photo{i + 1}.jpg", Jpeg(width, height, seed * 10 + i))).ToList();
}
