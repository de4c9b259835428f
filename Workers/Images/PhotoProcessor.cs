using System.Security.Cryptography;
using RedMvc.Domain.Notes;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RedMvc.Workers.Images;

/// <summary>One produced file: a width in one format ("webp" or "jpg").</summary>
public record PhotoOutput(int Width, string Extension, byte[] Content);

/// <summary>What the pipeline made of one original; Width and Height are after orientation.</summary>
public record ProcessedPhoto(int Width, int Height, string DominantColor, string ContentHash, IReadOnlyList<PhotoOutput> Outputs)
{
    public IReadOnlyList<int> Widths => Outputs.Select(o => o.Width).Distinct().Order().ToList();
}

/// <summary>
/// Turns an original into the public sizes: oriented upright, every metadata profile removed
/// (EXIF with GPS, IPTC, XMP, ICC), resized to the standard widths without upscaling and encoded as
/// WebP and JPEG. The same original always gives byte-identical files, so the content hash in their
/// names is stable and a repeated job overwrites instead of adding files.
/// </summary>
public class PhotoProcessor(DecodeBudget budget)
{
    public static readonly IReadOnlyList<int> StandardWidths = [360, 720, 1440];
    public const string WebpExtension = "webp";
    public const string JpegExtension = "jpg";

    // Level2, not the default Level4: ImageSharp's managed encoder takes about 7x longer at Level4
    // for a similar PSNR and a file within about 25% either way (measured for docs/benchmarks.md).
    private static readonly WebpEncoder Webp = new() { Quality = 80, FileFormat = WebpFileFormatType.Lossy, Method = WebpEncodingMethod.Level2 };
    private static readonly JpegEncoder Jpeg = new() { Quality = 82 };

    /// <summary>1 when a photo bigger than the pool finished since the last collection.</summary>
    private int bigPhotoSinceCollection;

    /// <summary>
    /// Processes an image that UploadInspector accepted, read from the current position of a
    /// seekable stream. Throws ImageSharp's exceptions (see AcceptedImages.IsBadImage) for bytes it cannot decode.
    /// </summary>
    public ProcessedPhoto Process(Stream original) => WithDecoded(original, MakeSizes);

    private static ProcessedPhoto MakeSizes(Image decoded)
    {
        var swaps = SwapsAxes(decoded);
        var (width, height) = swaps ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var widths = OutputWidths(width);

        using var photo = Upright(decoded, widths[^1]);
        var outputs = new List<PhotoOutput>();
        // Largest first, each size made from the one before: a 2x step keeps quality and is cheap.
        foreach (var outputWidth in widths.Reverse())
        {
            if (outputWidth < photo.Width) photo.Mutate(x => x.Resize(outputWidth, 0));
            outputs.Add(new PhotoOutput(outputWidth, WebpExtension, Encode(photo, Webp)));
            outputs.Add(new PhotoOutput(outputWidth, JpegExtension, Encode(photo, Jpeg)));
        }
        outputs = outputs.OrderBy(o => o.Width).ThenBy(o => o.Extension, StringComparer.Ordinal).ToList();
        return new ProcessedPhoto(width, height, AverageColor(photo), ContentHash(outputs), outputs);
    }

    /// <summary>Avatar sizes: the small one for cards and comments, the large one for the profile (and 2x screens).</summary>
    public static readonly IReadOnlyList<int> AvatarSizes = [96, 320];

    /// <summary>
    /// An avatar: the same decoding, orientation and stripping as a note photo, then the centre
    /// square in every avatar size and both formats. A small original is scaled up, so the files an
    /// avatar has are always the same and pages can name them without asking.
    /// </summary>
    public ProcessedPhoto ProcessAvatar(Stream original) => WithDecoded(original, MakeAvatarSizes);

    private static ProcessedPhoto MakeAvatarSizes(Image decoded)
    {
        var (width, height) = SwapsAxes(decoded) ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var largest = AvatarSizes[^1];
        // Shrink so the short side is the largest size before rotating and cropping: cheap for big photos.
        using var photo = Upright(decoded, (int)Math.Ceiling((double)width * largest / Math.Min(width, height)));
        var side = Math.Min(photo.Width, photo.Height);
        photo.Mutate(x => x.Crop(new Rectangle((photo.Width - side) / 2, (photo.Height - side) / 2, side, side)));
        var outputs = new List<PhotoOutput>();
        foreach (var size in AvatarSizes.Reverse())
        {
            photo.Mutate(x => x.Resize(size, size));
            outputs.Add(new PhotoOutput(size, WebpExtension, Encode(photo, Webp)));
            outputs.Add(new PhotoOutput(size, JpegExtension, Encode(photo, Jpeg)));
        }
        outputs = outputs.OrderBy(o => o.Width).ThenBy(o => o.Extension, StringComparer.Ordinal).ToList();
        return new ProcessedPhoto(largest, largest, AverageColor(photo), ContentHash(outputs), outputs);
    }

    /// <summary>
    /// Decodes the original and hands it to the work, holding its share of the decode budget (the
    /// decoded size, from the header) meanwhile. A photo bigger than the pool gives its pixel memory
    /// back as soon as it is done, and once no photo is being processed the garbage is collected:
    /// left alone they would keep the process at its peak for good.
    /// </summary>
    private T WithDecoded<T>(Stream original, Func<Image, T> work)
    {
        var start = original.Position;
        var info = Image.Identify(AcceptedImages.Configuration, original, out var format)
            ?? throw new UnknownImageFormatException("Not an image this pipeline reads.");
        original.Position = start;
        var opaque = IsOpaque(info, format);
        var decodedBytes = (long)info.Width * info.Height * (opaque ? 3 : 4);
        T result;
        using (budget.Acquire(decodedBytes))
        {
            using Image decoded = opaque
                ? Image.Load<Rgb24>(AcceptedImages.Configuration, original)
                : Image.Load<Rgba32>(AcceptedImages.Configuration, original);
            result = work(decoded);
        }
        if (decodedBytes > AcceptedImages.PoolBytes)
        {
            // Right away, before the next photo: each job thread has its own C heap, so memory one frees is not what the next one takes.
            AcceptedImages.ReleasePixelMemory();
            Volatile.Write(ref bigPhotoSinceCollection, 1);
        }
        if (budget.IsIdle && Interlocked.Exchange(ref bigPhotoSinceCollection, 0) == 1) AcceptedImages.CollectGarbage();
        return result;
    }

    /// <summary>
    /// Decoded to 8 bits a channel whatever the file stores (a 16-bit PNG would otherwise take
    /// 8 bytes a pixel) and to 3 bytes a pixel when nothing can be transparent: JPEG, and PNG in RGB
    /// or grey without a transparent colour. A 50 MP photo is then 150 MB instead of 200 MB.
    /// </summary>
    private static bool IsOpaque(IImageInfo info, IImageFormat? format) => format switch
    {
        JpegFormat => true,
        PngFormat => info.Metadata.GetPngMetadata() is { ColorType: PngColorType.Rgb or PngColorType.Grayscale, HasTransparency: false },
        _ => false,
    };

    /// <summary>The standard widths the photo is at least as wide as; a narrower photo keeps its own width.</summary>
    public static IReadOnlyList<int> OutputWidths(int orientedWidth)
    {
        var widths = StandardWidths.Where(w => w <= orientedWidth).ToList();
        return widths.Count > 0 ? widths : [orientedWidth];
    }

    /// <summary>Every public file key of a processed photo: each width in both formats.</summary>
    public static IEnumerable<string> PublicKeys(string contentHash, IEnumerable<int> widths) =>
        widths.SelectMany(width => new[] { WebpExtension, JpegExtension }.Select(extension => NotePhoto.PublicKey(contentHash, width, extension)));

    /// <summary>First 16 hex characters of SHA-256 over the files in the order given.</summary>
    public static string ContentHash(IEnumerable<PhotoOutput> outputs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var output in outputs) sha.AppendData(output.Content);
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>EXIF orientations 5 to 8 turn the photo a quarter, so its width is the stored height.</summary>
    private static bool SwapsAxes(Image image) => Orientation(image) is >= 5 and <= 8;

    private static int Orientation(Image image)
    {
        var value = image.Metadata.ExifProfile?.GetValue(ExifTag.Orientation);
        return value?.Value ?? 1;
    }

    /// <summary>
    /// The largest output: resized before it is rotated (rotating 50 MP would cost another full
    /// copy), flattened onto white (JPEG has no transparency) and stripped of every profile.
    /// </summary>
    private static Image<Rgb24> Upright(Image decoded, int largestWidth)
    {
        var swaps = SwapsAxes(decoded);
        var storedTarget = swaps ? new Size(0, largestWidth) : new Size(largestWidth, 0);
        if (largestWidth < (swaps ? decoded.Height : decoded.Width)) decoded.Mutate(x => x.Resize(storedTarget));
        decoded.Mutate(x => x.AutoOrient().BackgroundColor(Color.White));
        var photo = decoded.CloneAs<Rgb24>();
        StripMetadata(photo);
        return photo;
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var buffer = new MemoryStream();
        image.Save(buffer, encoder);
        return buffer.ToArray();
    }

    /// <summary>The mean colour of the smallest output, "#rrggbb": the placeholder while the photo loads.</summary>
    private static string AverageColor(Image<Rgb24> image)
    {
        long red = 0, green = 0, blue = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    red += pixel.R;
                    green += pixel.G;
                    blue += pixel.B;
                }
        });
        var count = (long)image.Width * image.Height;
        return $"#{red / count:x2}{green / count:x2}{blue / count:x2}";
    }
}
