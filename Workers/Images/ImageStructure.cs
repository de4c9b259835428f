using System.Buffers.Binary;

namespace RedMvc.Workers.Images;

/// <summary>
/// Checks that an image file is whole, reading only a few bytes (or, for JPEG and GIF, walking the
/// structure). PNG, WebP and GIF must end exactly where their structure says: bytes after the end are
/// how polyglots hide a second file. A JPEG may carry a trailer after its end marker, as phones
/// write motion-photo videos and vendor blocks there; decoding never reads it and processing drops it.
/// </summary>
public sealed class ImageStructure(Stream content, long start, long length)
{
    private static readonly byte[] PngEnd = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
    private const byte GifImageDescriptor = 0x2C;
    private const byte GifExtension = 0x21;
    private const byte GifTrailer = 0x3B;

    /// <summary>JPEG reaches its end marker, PNG ends with its IEND chunk, WebP where its RIFF size says.</summary>
    public bool IsWhole(string format) => format switch
    {
        "jpeg" => new JpegMarkers(content, start, length).ReachEnd(),
        "png" => Tail(PngEnd.Length).SequenceEqual(PngEnd),
        "webp" => length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(Read(4, 4)) + 8L == length,
        _ => false,
    };

    /// <summary>
    /// The number of frames (image descriptors) of a GIF whose blocks run to a trailer that is the
    /// file's last byte; null when the block structure is broken or anything follows the trailer.
    /// ImageSharp 2.1's Identify does not report a frame count, so the blocks are walked here.
    /// </summary>
    public int? CountGifFrames()
    {
        const int headerAndScreenDescriptor = 13;
        if (length < headerAndScreenDescriptor + 1) return null;
        var packed = Read(10, 1)[0];
        content.Position = start + headerAndScreenDescriptor + ColorTableSize(packed);
        var frames = 0;
        while (true)
        {
            switch (content.ReadByte())
            {
                case GifTrailer:
                    return content.Position == start + length ? frames : null;
                case GifExtension:
                    if (content.ReadByte() < 0 || !SkipSubBlocks()) return null;
                    break;
                case GifImageDescriptor:
                    frames++;
                    if (!SkipImage()) return null;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>Position, size, flags; an optional local colour table; the LZW code size; the data sub-blocks.</summary>
    private bool SkipImage()
    {
        var descriptor = new byte[9];
        if (content.Read(descriptor) != descriptor.Length) return false;
        content.Position += ColorTableSize(descriptor[8]) + 1;
        return SkipSubBlocks();
    }

    private bool SkipSubBlocks()
    {
        var end = start + length;
        while (content.Position < end)
        {
            var size = content.ReadByte();
            if (size <= 0) return size == 0;
            content.Position += size;
        }
        return false;
    }

    private static int ColorTableSize(byte packedFields) =>
        (packedFields & 0x80) == 0 ? 0 : 3 * (1 << ((packedFields & 0x07) + 1));

    private byte[] Tail(int count) => length < count ? [] : Read(length - count, count);

    private byte[] Read(long offset, int count)
    {
        var bytes = new byte[count];
        content.Position = start + offset;
        content.ReadExactly(bytes);
        return bytes;
    }
}
