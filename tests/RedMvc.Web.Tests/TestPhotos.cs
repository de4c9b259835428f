using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Web.Tests;

/// <summary>Small real photos made on the spot: a diagonal gradient, so each is a valid, distinct image.</summary>
public static class TestPhotos
{
    public static byte[] Jpeg(int width = 64, int height = 48, int seed = 0)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            image[x, y] = new Rgb24((byte)(x * 255 / width), (byte)((y * 255 / height + seed * 40) % 256), (byte)(seed * 70 % 256));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    public static IEnumerable<(string Name, string FileName, byte[] Content)> Files(int count) =>
        Enumerable.Range(0, count).Select(i => ("Photos", $"photo{i + 1}.jpg", Jpeg(seed: i)));
}
