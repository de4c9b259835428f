using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace RedMvc.Workers.Images;

/// <summary>The one ImageSharp configuration used for uploads: it knows only JPEG, PNG, WebP and GIF.</summary>
public static class AcceptedImages
{
    public static readonly Configuration Configuration = Create();

    /// <summary>"jpeg", "png", "webp" or "gif"; null for any other format.</summary>
    public static string? FormatName(IImageFormat? format) => format switch
    {
        JpegFormat => "jpeg",
        PngFormat => "png",
        WebpFormat => "webp",
        GifFormat => "gif",
        _ => null,
    };

    /// <summary>Exceptions ImageSharp and our parsers raise for bytes that are not a sound image.</summary>
    public static bool IsBadImage(Exception exception) =>
        exception is ImageFormatException or NotSupportedException or EndOfStreamException or InvalidDataException
            or ArgumentOutOfRangeException or IndexOutOfRangeException;

    /// <summary>The most the allocator keeps pooled for reuse; a photo decoding to more allocates the rest natively.</summary>
    public const long PoolBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Gives pixel memory back to the system after a big photo (docs/decisions/0025): the
    /// allocator's pooled buffers, then the C library's free heap (pixel buffers are native memory,
    /// and glibc keeps freed blocks for reuse in the heap of the thread that freed them).
    /// </summary>
    public static void ReleasePixelMemory()
    {
        Configuration.MemoryAllocator.ReleaseRetainedResources();
        NativeHeap.Trim();
    }

    /// <summary>
    /// One blocking, compacting collection that decommits what it frees: tens of milliseconds, once
    /// no photo is being processed after big ones, for the garbage their uploads and outputs left.
    /// </summary>
    public static void CollectGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }

    private static Configuration Create()
    {
        // Not Configuration.Default: BMP, TIFF, TGA and PBM decoders are more attack surface for no gain.
        var configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule());
        // Callers hand over streams positioned where the image starts (an upload may not begin at 0).
        configuration.ReadOrigin = ReadOrigin.Current;
        // An animated GIF is shown as its first frame, so the other frames are never decoded.
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        // A small pool: the default keeps hundreds of MB of freed pixel buffers around for reuse.
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = (int)(PoolBytes / 1024 / 1024) });
        return configuration;
    }
}
