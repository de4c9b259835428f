using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace RedMvc.Workers.Images;

/// <summary>
/// Decides whether uploaded bytes are an image we accept, without decoding pixels: the size, the
/// format sniffed from the bytes, the dimensions from the header, that the file is whole (which
/// refuses truncated files, and polyglots such as a PNG with a ZIP appended; see ImageStructure for
/// the JPEG trailers phones write) and the GIF frame count. Memory stays bounded whatever the bytes claim.
/// </summary>
public class UploadInspector(IOptions<UploadLimits> options)
{
    /// <summary>
    /// Inspects content from its current position to its end. A seekable stream is left at the
    /// position it had, so the caller can save it next; any other stream is consumed (copied to a
    /// temporary file, at most MaxFileBytes + 1 bytes). Width and height are as stored, before any
    /// EXIF orientation.
    /// </summary>
    public async Task<UploadInspection> InspectAsync(Stream content, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (content.CanSeek)
        {
            var start = content.Position;
            try { return Inspect(content, limits); }
            finally { content.Position = start; }
        }
        await using var buffered = await BufferAsync(content, limits.MaxFileBytes + 1, cancellationToken);
        return Inspect(buffered, limits);
    }

    private static UploadInspection Inspect(Stream content, UploadLimits limits)
    {
        var start = content.Position;
        var length = content.Length - start;
        if (length == 0) return new(UploadProblem.Empty);
        if (length > limits.MaxFileBytes) return new(UploadProblem.TooLarge);

        var format = AcceptedImages.FormatName(Image.DetectFormat(AcceptedImages.Configuration, content));
        if (format is null) return new(UploadProblem.NotAnImage);
        content.Position = start;
        IImageInfo? info;
        try { info = Image.Identify(AcceptedImages.Configuration, content); }
        catch (Exception ex) when (AcceptedImages.IsBadImage(ex)) { return new(UploadProblem.Corrupt, format); }
        if (info is null) return new(UploadProblem.NotAnImage);

        var problem = CheckDimensions(info.Width, info.Height, limits);
        if (problem == UploadProblem.None) problem = CheckStructure(format, new ImageStructure(content, start, length), limits);
        return new(problem, format, info.Width, info.Height);
    }

    private static UploadProblem CheckDimensions(int width, int height, UploadLimits limits)
    {
        if (width <= 0 || height <= 0) return UploadProblem.Corrupt;
        if (width > limits.MaxSide || height > limits.MaxSide) return UploadProblem.TooWide;
        if ((long)width * height > limits.MaxPixels) return UploadProblem.TooManyPixels;
        return UploadProblem.None;
    }

    private static UploadProblem CheckStructure(string format, ImageStructure file, UploadLimits limits)
    {
        if (format != "gif") return file.IsWhole(format) ? UploadProblem.None : UploadProblem.Corrupt;
        var frames = file.CountGifFrames();
        if (frames is null) return UploadProblem.Corrupt;
        return frames > limits.MaxGifFrames ? UploadProblem.TooManyFrames : UploadProblem.None;
    }

    /// <summary>A stream that cannot seek is copied to a temporary file, stopping one byte past the limit.</summary>
    private static async Task<Stream> BufferAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[81920];
        int read;
        while (file.Length < maxBytes && (read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes - file.Length)), cancellationToken)) > 0)
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        file.Position = 0;
        return file;
    }
}
