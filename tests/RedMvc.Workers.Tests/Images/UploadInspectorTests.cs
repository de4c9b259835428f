using Microsoft.Extensions.Options;
using RedMvc.Workers.Images;

namespace RedMvc.Workers.Tests.Images;

public class UploadInspectorTests
{
    private static UploadInspector Inspector(UploadLimits? limits = null) => new(Options.Create(limits ?? new UploadLimits()));

    private static Task<UploadInspection> InspectAsync(byte[] bytes, UploadLimits? limits = null) =>
        Inspector(limits).InspectAsync(new MemoryStream(bytes), CancellationToken.None);

    public static TheoryData<string, UploadProblem> BadUploads => new()
    {
        { "text file named .jpg", UploadProblem.NotAnImage },
        { "empty file", UploadProblem.Empty },
        { "truncated JPEG", UploadProblem.Corrupt },
        { "PNG header claiming 100000 x 100000", UploadProblem.TooWide },
        { "PNG header claiming 10000 x 10000 (100 MP)", UploadProblem.TooManyPixels },
        { "GIF with 3000 frames", UploadProblem.TooManyFrames },
        { "SVG with a script", UploadProblem.NotAnImage },
        { "JPEG cut short inside its scan data", UploadProblem.Corrupt },
        { "truncated PNG", UploadProblem.Corrupt },
        { "WebP with bytes appended", UploadProblem.Corrupt },
        { "GIF with bytes after the trailer", UploadProblem.Corrupt },
    };

    private static byte[] BadUpload(string name) => name switch
    {
        "text file named .jpg" => TestImages.TextNamedJpg(),
        "empty file" => [],
        "truncated JPEG" => TestImages.Truncated(TestImages.Jpeg(400, 300)),
        "PNG header claiming 100000 x 100000" => TestImages.PngHeaderClaiming(100_000, 100_000),
        "PNG header claiming 10000 x 10000 (100 MP)" => TestImages.PngHeaderClaiming(10_000, 10_000),
        "GIF with 3000 frames" => TestImages.Gif(4, 4, frames: 3000),
        "SVG with a script" => TestImages.SvgWithScript(),
        "JPEG cut short inside its scan data" => TestImages.Jpeg(400, 300)[..^100],
        "truncated PNG" => TestImages.Truncated(TestImages.Png(400, 300)),
        "WebP with bytes appended" => [.. TestImages.Webp(100, 80), .. "PK\u0003\u0004"u8.ToArray()],
        "GIF with bytes after the trailer" => [.. TestImages.Gif(20, 20), 0x00, 0x01],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_refused_with_its_reason(string name, UploadProblem expected)
    {
        var inspection = await InspectAsync(BadUpload(name));

        Assert.Equal(expected, inspection.Problem);
        Assert.False(inspection.IsAcceptable);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("gif")]
    public async Task A_good_image_is_accepted_with_its_format_and_size(string format)
    {
        var bytes = format switch
        {
            "jpeg" => TestImages.Jpeg(640, 480),
            "png" => TestImages.Png(640, 480),
            "webp" => TestImages.Webp(640, 480),
            _ => TestImages.Gif(640, 480, frames: 3),
        };

        var inspection = await InspectAsync(bytes);

        Assert.Equal(new UploadInspection(UploadProblem.None, format, 640, 480), inspection);
    }

    public static TheoryData<string> JpegsWithTrailers => ["motion photo", "vendor block", "ZIP archive"];

    [Theory]
    [MemberData(nameof(JpegsWithTrailers))]
    public async Task A_jpeg_with_data_after_its_end_is_accepted(string trailer)
    {
        var inspection = await InspectAsync(JpegWithTrailer(trailer));

        Assert.Equal(new UploadInspection(UploadProblem.None, "jpeg", 200, 150), inspection);
    }

    public static byte[] JpegWithTrailer(string trailer) => trailer switch
    {
        "motion photo" => TestImages.JpegWithMotionPhotoTrailer(TestImages.Jpeg(200, 150)),
        "vendor block" => TestImages.JpegWithVendorTrailer(TestImages.Jpeg(200, 150)),
        "ZIP archive" => TestImages.JpegZipPolyglot(),
        _ => throw new ArgumentOutOfRangeException(nameof(trailer)),
    };

    [Theory]
    [InlineData("cmyk-adobe.jpg")]
    [InlineData("ycck-adobe.jpg")]
    public async Task A_cmyk_jpeg_is_accepted(string fixture) =>
        Assert.Equal(new UploadInspection(UploadProblem.None, "jpeg", 64, 48), await InspectAsync(TestImages.Fixture(fixture)));

    [Fact]
    public async Task A_jpeg_holding_a_thumbnail_is_still_refused_when_the_photo_itself_is_cut_short()
    {
        // The thumbnail's own end marker sits inside a segment: only walking the segments tells it from the photo's.
        var withThumbnail = TestImages.JpegWithEmbeddedThumbnail(400, 300);
        var cut = withThumbnail[..^200];

        Assert.True((await InspectAsync(withThumbnail)).IsAcceptable);
        Assert.Equal(UploadProblem.Corrupt, (await InspectAsync(cut)).Problem);
    }

    [Fact]
    public async Task A_photo_larger_than_the_configured_byte_limit_is_refused()
    {
        await using var host = await WorkersHost.StartAsync(new() { ["Uploads:MaxFileBytes"] = "2000" });
        var inspector = host.Services.GetRequiredService<UploadInspector>();

        var inspection = await inspector.InspectAsync(new MemoryStream(TestImages.Jpeg(800, 600)), CancellationToken.None);

        Assert.Equal(UploadProblem.TooLarge, inspection.Problem);
    }

    [Fact]
    public async Task The_byte_limit_allows_exactly_the_limit_and_refuses_one_byte_more()
    {
        var jpeg = TestImages.Jpeg(300, 200);

        Assert.True((await InspectAsync(jpeg, new UploadLimits { MaxFileBytes = jpeg.Length })).IsAcceptable);
        Assert.Equal(UploadProblem.TooLarge, (await InspectAsync(jpeg, new UploadLimits { MaxFileBytes = jpeg.Length - 1 })).Problem);
    }

    [Fact]
    public async Task The_side_limit_allows_exactly_the_limit_and_refuses_one_pixel_more()
    {
        var limits = new UploadLimits { MaxSide = 100 };

        Assert.True((await InspectAsync(TestImages.Png(100, 40), limits)).IsAcceptable);
        Assert.True((await InspectAsync(TestImages.Png(40, 100), limits)).IsAcceptable);
        Assert.Equal(UploadProblem.TooWide, (await InspectAsync(TestImages.Png(101, 40), limits)).Problem);
        Assert.Equal(UploadProblem.TooWide, (await InspectAsync(TestImages.Png(40, 101), limits)).Problem);
    }

    [Fact]
    public async Task The_pixel_limit_allows_exactly_the_limit_and_refuses_one_row_more()
    {
        var limits = new UploadLimits { MaxSide = 1000, MaxPixels = 100 * 100 };

        Assert.True((await InspectAsync(TestImages.Jpeg(100, 100), limits)).IsAcceptable);
        Assert.Equal(UploadProblem.TooManyPixels, (await InspectAsync(TestImages.Jpeg(100, 101), limits)).Problem);
    }

    [Fact]
    public async Task The_frame_limit_allows_exactly_the_limit_and_refuses_one_frame_more()
    {
        var limits = new UploadLimits { MaxGifFrames = 5 };

        Assert.True((await InspectAsync(TestImages.Gif(10, 10, frames: 5), limits)).IsAcceptable);
        Assert.Equal(UploadProblem.TooManyFrames, (await InspectAsync(TestImages.Gif(10, 10, frames: 6), limits)).Problem);
    }

    [Fact]
    public async Task A_header_claiming_a_huge_image_is_refused_without_allocating_its_pixels()
    {
        var png = TestImages.PngHeaderClaiming(100_000, 100_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var inspection = await InspectAsync(png, new UploadLimits { MaxSide = 200_000, MaxPixels = long.MaxValue });

        // Past the size checks it reaches the structure check; 10^10 pixels would be 30 GB decoded.
        Assert.Equal(100_000, inspection.Width);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 5_000_000);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_inspected_and_its_size_limited()
    {
        var jpeg = TestImages.Jpeg(300, 200);

        var accepted = await Inspector().InspectAsync(new ForwardOnlyStream(jpeg), CancellationToken.None);
        var refused = await Inspector(new UploadLimits { MaxFileBytes = 1000 }).InspectAsync(new ForwardOnlyStream(jpeg), CancellationToken.None);

        Assert.Equal("jpeg", accepted.Format);
        Assert.Equal(UploadProblem.TooLarge, refused.Problem);
    }

    [Fact]
    public async Task A_seekable_stream_is_left_where_it_was_so_it_can_be_saved_next()
    {
        var stream = new MemoryStream([.. "junk"u8.ToArray(), .. TestImages.Png(50, 50)]) { Position = 4 };

        var inspection = await Inspector().InspectAsync(stream, CancellationToken.None);

        Assert.True(inspection.IsAcceptable);
        Assert.Equal(4, stream.Position);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
