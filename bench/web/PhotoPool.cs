using RedMvc.Bench.Images;
using RedMvc.Domain.Notes;
using RedMvc.Workers.Images;

namespace RedMvc.Bench.Web;

/// <summary>One processed photo the generated NotePhoto rows point at.</summary>
public record PoolPhoto(int Width, int Height, string DominantColor, string ContentHash, string Widths);

/// <summary>
/// A handful of real photos through the site's own pipeline, written where LocalFileStore serves
/// them ("{files}/photos/{hash}_{width}.{ext}"), so every /media address on a page resolves.
/// </summary>
public static class PhotoPool
{
    // Portrait 3:4 first: most notes are; then square and landscape.
    private static readonly (int Width, int Height)[] Shapes = [(1080, 1440), (1080, 1440), (1080, 1080), (1440, 1080)];

    public static IReadOnlyList<PoolPhoto> Make(string filesFolder, int count)
    {
        var processor = new PhotoProcessor(new DecodeBudget(256L * 1024 * 1024));
        var pool = new List<PoolPhoto>();
        for (var i = 0; i < count; i++)
        {
            var (width, height) = Shapes[i % Shapes.Length];
            using var original = new MemoryStream(SyntheticPhoto.Jpeg(1000 + i, width, height));
            var processed = processor.Process(original);
            foreach (var output in processed.Outputs)
            {
                var path = Path.Combine(filesFolder, NotePhoto.PublicKey(processed.ContentHash, output.Width, output.Extension));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, output.Content);
            }
            pool.Add(new PoolPhoto(processed.Width, processed.Height, processed.DominantColor, processed.ContentHash, string.Join(',', processed.Widths)));
        }
        return pool;
    }
}
