using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Workers.Tests.Images;

/// <summary>
/// Every image the tests use, made on the spot, except the CMYK JPEGs in Fixtures/ that ImageSharp
/// 2.1 cannot write (their README says how they were made).
/// </summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height, ExifProfile? exif = null) => Encode(Gradient(width, height, exif), new JpegEncoder { Quality = 90 });

    public static byte[] Png(int width, int height) => Encode(Gradient(width, height), new PngEncoder());

    public static byte[] Webp(int width, int height) => Encode(Gradient(width, height), new WebpEncoder());

    public static byte[] Gif(int width, int height, int frames = 1)
    {
        using var image = Gradient(width, height);
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(width, height, new Rgba32((byte)i, 0, 0));
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }
        return Encode(image, new GifEncoder());
    }

    /// <summary>A photo whose stored top-left quarter is red (the rest blue), with GPS and orientation in EXIF.</summary>
    public static byte[] JpegWithGpsAndOrientation(int width, int height, ushort orientation)
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(13, 1), new Rational(50, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(121, 1), new Rational(28, 1), new Rational(30, 1)]);
        exif.SetValue(ExifTag.Make, "TestCamera");
        using var image = new Image<Rgba32>(width, height, new Rgba32(0, 0, 255));
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height / 2; y++) rows.GetRowSpan(y)[..(width / 2)].Fill(new Rgba32(255, 0, 0));
        });
        image.Metadata.ExifProfile = exif;
        return Encode(image, new JpegEncoder { Quality = 90 });
    }

    /// <summary>A PNG signature and a valid IHDR (correct CRC) claiming any size, then IEND: no pixel data at all.</summary>
    public static byte[] PngHeaderClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WritePngChunk(png, "IHDR", ihdr);
        WritePngChunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>""");

    public static byte[] TextNamedJpg() => Encoding.UTF8.GetBytes("This is a shopping list, not a photo.\nMilk\nEggs\n");

    public static byte[] Truncated(byte[] image) => image[..(image.Length / 2)];

    /// <summary>A real JPEG with a ZIP archive appended: valid as both, the classic polyglot.</summary>
    public static byte[] JpegZipPolyglot()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(archive.CreateEntry("payload.html").Open()))
            entry.Write("<script>alert(1)</script>");
        return [.. Jpeg(200, 150), .. zip.ToArray()];
    }

    /// <summary>
    /// A phone's motion photo: the JPEG, then a short MP4 (an ftyp box and an mdat box) after its
    /// end marker, as Google and Samsung cameras write them.
    /// </summary>
    public static byte[] JpegWithMotionPhotoTrailer(byte[] jpeg)
    {
        using var mp4 = new MemoryStream();
        WriteMp4Box(mp4, "ftyp", [.. "mp42"u8, 0, 0, 0, 0, .. "isommp42"u8]);
        WriteMp4Box(mp4, "mdat", Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray());
        return [.. jpeg, .. mp4.ToArray()];
    }

    /// <summary>A JPEG with a vendor block after its end marker, one that even holds FF D9 bytes of its own.</summary>
    public static byte[] JpegWithVendorTrailer(byte[] jpeg) => [.. jpeg, .. "SEFHvendor"u8, 0xFF, 0xD8, 0x00, 0xFF, 0xD9, 0x12];

    /// <summary>A JPEG with a small JPEG (a thumbnail, with its own end marker) inside an APP3 segment right after the start marker.</summary>
    public static byte[] JpegWithEmbeddedThumbnail(int width, int height)
    {
        var photo = Jpeg(width, height);
        var thumbnail = Jpeg(16, 12);
        var segmentLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(segmentLength, (ushort)(thumbnail.Length + 2));
        return [.. photo[..2], 0xFF, 0xE3, .. segmentLength, .. thumbnail, .. photo[2..]];
    }

    private static void WriteMp4Box(Stream stream, string type, byte[] content)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, 8 + content.Length);
        stream.Write(size);
        stream.Write(Encoding.ASCII.GetBytes(type));
        stream.Write(content);
    }

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "Fixtures", name));

    public static ExifProfile? Exif(byte[] image) => Image.Identify(image).Metadata.ExifProfile;

    private static Image<Rgba32> Gradient(int width, int height, ExifProfile? exif = null)
    {
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
            }
        });
        image.Metadata.ExifProfile = exif;
        return image;
    }

    private static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using (image)
        using (var buffer = new MemoryStream())
        {
            image.Save(buffer, encoder);
            return buffer.ToArray();
        }
    }

    private static void WritePngChunk(Stream png, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    /// <summary>The CRC-32 PNG chunks carry (the ZIP polynomial), bit by bit: tiny inputs only.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
