using RedMvc.Workers.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace RedMvc.Workers.Tests.Images;

public class PhotoProcessorTests
{
    private static ProcessedPhoto Process(byte[] original) => new PhotoProcessor(new DecodeBudget(256L * 1024 * 1024)).Process(new MemoryStream(original));

    [Fact]
    public void Outputs_carry_no_exif_or_gps_and_the_orientation_is_applied()
    {
        // Stored 1600 x 1000 with Orientation 6: shown turned a quarter clockwise, 1000 x 1600.
        var original = TestImages.JpegWithGpsAndOrientation(1600, 1000, orientation: 6);
        Assert.NotNull(TestImages.Exif(original)?.Values.FirstOrDefault(v => v.Tag == SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitude));

        var photo = Process(original);

        Assert.Equal((1000, 1600), (photo.Width, photo.Height));
        Assert.Equal([360, 720], photo.Widths);
        foreach (var output in photo.Outputs)
        {
            var info = Image.Identify(output.Content);
            Assert.Null(info.Metadata.ExifProfile);
            Assert.Null(info.Metadata.XmpProfile);
            Assert.Null(info.Metadata.IccProfile);
            Assert.Null(info.Metadata.IptcProfile);
            Assert.Equal(output.Width, info.Width);
            Assert.Equal(output.Width * 1600 / 1000, info.Height);
            Assert.False(Contains(output.Content, "Exif"u8.ToArray()));
            Assert.False(Contains(output.Content, "TestCamera"u8.ToArray()));
        }
        // The stored top-left red quarter ends up top-right once turned clockwise.
        using var shown = Image.Load<Rgb24>(photo.Outputs.First(o => o.Extension == "jpg").Content);
        Assert.True(shown[shown.Width * 3 / 4, shown.Height / 4].R > 200);
        Assert.True(shown[shown.Width / 4, shown.Height / 4].B > 200);
    }

    [Theory]
    [InlineData(3000, new[] { 360, 720, 1440 })]
    [InlineData(1440, new[] { 360, 720, 1440 })]
    [InlineData(1439, new[] { 360, 720 })]
    [InlineData(1000, new[] { 360, 720 })]
    [InlineData(360, new[] { 360 })]
    [InlineData(300, new[] { 300 })]
    public void A_photo_is_never_upscaled(int width, int[] expectedWidths)
    {
        var photo = Process(TestImages.Png(width, 200));

        Assert.Equal(expectedWidths, photo.Widths);
        Assert.Equal(expectedWidths.Length * 2, photo.Outputs.Count);
        Assert.All(photo.Outputs, o => Assert.Equal(o.Width, Image.Identify(o.Content).Width));
        Assert.Equal((width, 200), (photo.Width, photo.Height));
    }

    [Theory]
    [MemberData(nameof(UploadInspectorTests.JpegsWithTrailers), MemberType = typeof(UploadInspectorTests))]
    public void A_jpeg_trailer_is_dropped_the_outputs_are_those_of_the_photo_alone(string trailer)
    {
        var withTrailer = Process(UploadInspectorTests.JpegWithTrailer(trailer));
        var alone = Process(TestImages.Jpeg(200, 150));

        Assert.Equal(alone.ContentHash, withTrailer.ContentHash);
        Assert.All(withTrailer.Outputs, output => Assert.Equal(200, Image.Identify(output.Content).Width));
    }

    /// <summary>
    /// Print files arrive as CMYK JPEGs, stored inverted (Adobe, as Photoshop writes them) or as YCCK.
    /// ImageSharp 2.1.13 converts both by the plain formula, so they keep their colour instead of
    /// coming out dark or green; an embedded ICC profile is not applied (docs/decisions/0026).
    /// </summary>
    [Theory]
    [InlineData("cmyk-adobe.jpg")]
    [InlineData("ycck-adobe.jpg")]
    public void A_cmyk_jpeg_keeps_its_colour(string fixture)
    {
        var processed = Process(TestImages.Fixture(fixture));

        Assert.All(processed.Outputs, output =>
        {
            using var image = Image.Load<Rgb24>(output.Content);
            var centre = image[image.Width / 2, image.Height / 2];
            Assert.InRange(centre.R, 200 - 6, 200 + 6);
            Assert.InRange(centre.G, 80 - 6, 80 + 6);
            Assert.InRange(centre.B, 40 - 6, 40 + 6);
        });
        Assert.Equal(64, processed.Width);
    }

    [Fact]
    public void The_same_original_gives_byte_identical_outputs_and_the_same_hash()
    {
        var original = TestImages.Jpeg(1600, 1200);

        var first = Process(original);
        var second = Process(original);

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^[0-9a-f]{16}$", first.ContentHash);
        Assert.Equal(first.Outputs.Select(o => (o.Width, o.Extension)), second.Outputs.Select(o => (o.Width, o.Extension)));
        Assert.All(first.Outputs.Zip(second.Outputs), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public void Outputs_are_webp_and_jpeg_and_the_dominant_colour_is_a_hex_colour()
    {
        var photo = Process(TestImages.Webp(800, 600));

        Assert.All(photo.Outputs.Where(o => o.Extension == "webp"), o => Assert.Equal("Webp", Image.DetectFormat(o.Content)!.Name));
        Assert.All(photo.Outputs.Where(o => o.Extension == "jpg"), o => Assert.Equal("JPEG", Image.DetectFormat(o.Content)!.Name));
        Assert.Matches("^#[0-9a-f]{6}$", photo.DominantColor);
    }

    [Fact]
    public void A_gif_gives_its_first_frame()
    {
        var photo = Process(TestImages.Gif(400, 300, frames: 4));

        Assert.Equal([360], photo.Widths);
        Assert.Equal((400, 300), (photo.Width, photo.Height));
    }

    [Fact]
    public void A_transparent_png_is_flattened_onto_white()
    {
        using var transparent = new Image<Rgba32>(400, 300, new Rgba32(0, 0, 0, 0));
        var bytes = new MemoryStream();
        transparent.SaveAsPng(bytes);

        var photo = Process(bytes.ToArray());

        Assert.Equal("#ffffff", photo.DominantColor);
    }

    [Fact]
    public void A_sixteen_bit_png_is_processed_like_any_other()
    {
        using var deep = new Image<Rgba64>(800, 600, new Rgba64(65535, 0, 0, 65535));
        var bytes = new MemoryStream();
        deep.SaveAsPng(bytes, new PngEncoder { BitDepth = PngBitDepth.Bit16 });

        var photo = Process(bytes.ToArray());

        Assert.Equal([360, 720], photo.Widths);
        Assert.Equal("#ff0000", photo.DominantColor);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
