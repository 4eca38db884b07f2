using System.Text;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using NetVips;

namespace Marketplace.Media.Tests;

/// <summary>The image pipeline with the real libvips: fixtures are generated here, renditions reloaded and checked.</summary>
public sealed class ImageTests : IDisposable
{
    private const long MaxBytes = 25L * 1024 * 1024;
    private readonly DirectoryInfo _root = MediaTestEnvironment.NewTempDirectory();
    private readonly MediaImageOptions _options = new();
    private readonly LocalDiskMediaStorage _storage;
    private readonly ImageProcessor _processor;

    public ImageTests()
    {
        _storage = new LocalDiskMediaStorage(new LocalDiskStorageOptions { Root = _root.FullName },
            new PostPolicySigner(new byte[32]), TimeProvider.System);
        _processor = new ImageProcessor(_storage, new ImageInspector(_options), new ImageRenderer(_options), _options);
        Vips.EnsureInitialised();
    }

    public void Dispose()
    {
        _processor.Dispose();
        _root.Delete(recursive: true);
    }

    private async Task<string> UploadAsync(byte[] bytes)
    {
        var key = MediaKeys.Raw(Guid.NewGuid(), Guid.NewGuid());
        using var content = new MemoryStream(bytes);
        await _storage.PutAsync(StorageArea.Raw, key, content, "application/octet-stream", null, CancellationToken.None);
        return key;
    }

    private async Task<ProcessedImage> ProcessAsync(byte[] bytes, string contentType) =>
        await _processor.ProcessAsync(Guid.NewGuid(), await UploadAsync(bytes), contentType, MaxBytes, 1, CancellationToken.None);

    private async Task<(MediaException Error, string RawKey, Guid AssetId)> RefusedAsync(byte[] bytes, string contentType)
    {
        var key = await UploadAsync(bytes);
        var assetId = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<MediaException>(() => _processor.ProcessAsync(assetId, key, contentType, MaxBytes, 1, CancellationToken.None));
        return (error, key, assetId);
    }

    private byte[] Read(string key) => File.ReadAllBytes(_storage.PathOf(StorageArea.Renditions, key));

    [Fact]
    public async Task Given_a_12_MP_jpeg_rotated_by_exif_Then_twelve_portrait_srgb_renditions_without_metadata()
    {
        var jpeg = TestImages.Jpeg(4000, 3000, orientation: 6, withGps: true);

        var result = await ProcessAsync(jpeg, "image/jpeg");

        result.Renditions.Should().HaveCount(12);
        result.Renditions.Select(r => Math.Max(r.Width, r.Height)).Distinct().Should().Equal(160, 320, 640, 1024, 1600, 2048);
        result.Renditions.Select(r => r.ContentType).Distinct().Should().BeEquivalentTo("image/avif", "image/webp");
        // Orientation 6 turns the 4000×3000 landscape into a portrait.
        result.Renditions.Should().OnlyContain(r => r.Height > r.Width);
        result.Width.Should().Be(1536);
        result.Height.Should().Be(2048);
        foreach (var rendition in result.Renditions)
        {
            using var reloaded = Image.NewFromBuffer(Read(rendition.Key));
            reloaded.Width.Should().Be(rendition.Width);
            reloaded.Height.Should().Be(rendition.Height);
            reloaded.Interpretation.Should().Be(Enums.Interpretation.Srgb);
            var fields = reloaded.GetFields();
            fields.Should().NotContain(f => f.StartsWith("exif", StringComparison.Ordinal), "EXIF (GPS, owner) must be stripped from {0}", rendition.Key);
            fields.Should().NotContain("icc-profile-data");
            fields.Should().NotContain("orientation");
            ((string)reloaded.Get("vips-loader")).Should().StartWith(rendition.ContentType == "image/avif" ? "heifload" : "webpload");
        }

        var avif = Read(result.Renditions.First(r => r.ContentType == "image/avif").Key);
        using (var reloaded = Image.NewFromBuffer(avif))
            ((string)reloaded.Get("heif-compression")).Should().Be("av1");
    }

    [Fact]
    public async Task Given_a_small_image_Then_renditions_are_never_upscaled()
    {
        var result = await ProcessAsync(TestImages.Png(500, 300), "image/png");

        result.Renditions.Select(r => r.Width).Distinct().Should().Equal(160, 320);
        result.Renditions.Should().OnlyContain(r => r.Width <= 500 && r.Height <= 300);
    }

    [Fact]
    public async Task Given_an_image_smaller_than_the_smallest_width_Then_one_size_at_its_own_size()
    {
        var result = await ProcessAsync(TestImages.Png(100, 80), "image/png");

        result.Renditions.Should().HaveCount(2);
        result.Renditions.Should().OnlyContain(r => r.Width == 100 && r.Height == 80);
    }

    [Fact]
    public async Task Given_a_pixel_bomb_png_Then_it_is_refused_from_its_header_and_nothing_is_kept()
    {
        var bomb = TestImages.PixelBombPng();
        bomb.Length.Should().BeLessThan(2 * 1024 * 1024, "the point of a bomb is a small file");

        var (error, rawKey, assetId) = await RefusedAsync(bomb, "image/png");

        error.Code.Should().Be(MediaErrorCodes.TooManyPixels);
        (await _storage.HeadAsync(StorageArea.Raw, rawKey, CancellationToken.None)).Should().BeNull("a refused upload is cleaned up");
        (await _storage.ListAsync(StorageArea.Renditions, MediaKeys.ImagePrefix(assetId, 1), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_truncated_jpeg_Then_it_is_corrupt_and_no_rendition_is_left()
    {
        var jpeg = TestImages.Jpeg(1200, 900);
        var truncated = jpeg[..(jpeg.Length / 2)];

        var (error, rawKey, assetId) = await RefusedAsync(truncated, "image/jpeg");

        error.Code.Should().Be(MediaErrorCodes.Corrupt);
        (await _storage.HeadAsync(StorageArea.Raw, rawKey, CancellationToken.None)).Should().BeNull();
        (await _storage.ListAsync(StorageArea.Renditions, MediaKeys.ImagePrefix(assetId, 1), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_png_whose_pixel_data_is_damaged_Then_it_is_corrupt_and_no_rendition_is_left()
    {
        var png = TestImages.Png(800, 600);
        var idat = IndexOf(png, "IDAT"u8) + 4;
        var damaged = png.ToArray();
        for (var i = idat + 16; i < idat + 200; i++)
            damaged[i] ^= 0x5a; // the header stays readable; the compressed pixels and the chunk's CRC no longer agree

        var (error, rawKey, assetId) = await RefusedAsync(damaged, "image/png");

        error.Code.Should().Be(MediaErrorCodes.Corrupt);
        (await _storage.HeadAsync(StorageArea.Raw, rawKey, CancellationToken.None)).Should().BeNull();
        (await _storage.ListAsync(StorageArea.Renditions, MediaKeys.ImagePrefix(assetId, 1), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_jpeg_whose_frame_header_is_damaged_Then_it_is_corrupt_and_nothing_is_left()
    {
        var jpeg = TestImages.Jpeg(800, 600);
        var sof = IndexOf(jpeg, [0xFF, 0xC0]);
        var damaged = jpeg.ToArray();
        damaged[sof + 5] = 0; // frame height and width become 0: the magic bytes still say JPEG
        damaged[sof + 6] = 0;
        damaged[sof + 7] = 0;
        damaged[sof + 8] = 0;

        var (error, rawKey, assetId) = await RefusedAsync(damaged, "image/jpeg");

        error.Code.Should().Be(MediaErrorCodes.Corrupt, error.InnerException?.Message);
        (await _storage.HeadAsync(StorageArea.Raw, rawKey, CancellationToken.None)).Should().BeNull();
        (await _storage.ListAsync(StorageArea.Renditions, MediaKeys.ImagePrefix(assetId, 1), CancellationToken.None)).Should().BeEmpty();
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> marker)
    {
        var index = bytes.AsSpan().IndexOf(marker);
        index.Should().BePositive("the fixture has the marker");
        return index;
    }

    [Fact]
    public async Task Given_png_bytes_declared_as_jpeg_Then_content_type_mismatch()
    {
        var (error, _, _) = await RefusedAsync(TestImages.Png(64, 64), "image/jpeg");

        error.Code.Should().Be(MediaErrorCodes.ContentTypeMismatch);
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", "image/jpeg")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", "image/png")]
    [InlineData("%PDF-1.4\n1 0 obj<<>>endobj\n", "image/png")]
    public async Task Given_bytes_that_are_no_accepted_image_Then_unsupported_format(string text, string declared)
    {
        var (error, _, _) = await RefusedAsync(Encoding.UTF8.GetBytes(text), declared);

        error.Code.Should().Be(MediaErrorCodes.UnsupportedFormat);
    }

    [Fact]
    public void Given_the_module_set_up_libvips_Then_loaders_outside_the_allow_list_cannot_run()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>");
        using var bmpSource = TestImages.Pattern(8, 8);

        var loadSvg = () => Image.NewFromBuffer(svg).Avg();
        var loadTiff = () => Image.NewFromBuffer(bmpSource.TiffsaveBuffer()).Avg();

        loadSvg.Should().Throw<VipsException>();
        loadTiff.Should().Throw<VipsException>("tiff is a format libvips has but uploads may not use");
        using var jpeg = Image.NewFromBuffer(TestImages.Jpeg(8, 8));
        jpeg.Width.Should().Be(8);
    }

    [Fact]
    public async Task Given_an_iphone_style_heic_Then_it_decodes_with_libheif_and_renders()
    {
        using var source = TestImages.Pattern(1200, 900);
        var heic = source.HeifsaveBuffer(q: 60, compression: Enums.ForeignHeifCompression.Hevc);
        MediaSniffer.Sniff(heic).Should().Be(SniffedFormat.Heic);

        var result = await ProcessAsync(heic, "image/heic");

        result.SourceContentType.Should().Be("image/heic");
        result.Renditions.Select(r => r.Width).Distinct().Should().Equal(160, 320, 640, 1024);
    }

    [Theory]
    [InlineData("webp")]
    [InlineData("avif")]
    [InlineData("gif")]
    public async Task Given_other_accepted_formats_Then_they_render(string format)
    {
        using var source = TestImages.Pattern(700, 500);
        var bytes = source.WriteToBuffer("." + format);

        var result = await ProcessAsync(bytes, "image/" + format);

        result.Renditions.Select(r => r.Width).Distinct().Should().Equal(160, 320, 640);
    }

    [Fact]
    public async Task Given_an_animated_gif_Then_renditions_come_from_its_first_frame()
    {
        using var red = Image.Black(300, 200).NewFromImage(255, 0, 0).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var blue = Image.Black(300, 200).NewFromImage(0, 0, 255).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        using var strip = Image.Arrayjoin([red, blue, blue], across: 1);
        using var animated = strip.Mutate(m =>
        {
            m.Set(GValue.GIntType, "page-height", 200);
            m.Set(GValue.ArrayIntType, "delay", new[] { 100, 100, 100 });
        });
        var gif = animated.GifsaveBuffer();

        var result = await ProcessAsync(gif, "image/gif");

        result.Renditions.Should().OnlyContain(r => r.Height < r.Width, "a frame is 300×200; the strip of three would be 300×600");
        var color = Convert.FromHexString(result.DominantColor[1..]);
        color[0].Should().BeGreaterThan(0xD0, "the first frame is red");
        color[2].Should().BeLessThan(0x40, "the later frames are blue");
    }

    [Fact]
    public async Task Given_a_cmyk_jpeg_Then_renditions_are_srgb()
    {
        using var rgb = TestImages.Pattern(800, 600);
        using var cmyk = rgb.Colourspace(Enums.Interpretation.Cmyk);
        var jpeg = cmyk.JpegsaveBuffer();

        var result = await ProcessAsync(jpeg, "image/jpeg");

        using var reloaded = Image.NewFromBuffer(Read(result.Renditions[^1].Key));
        reloaded.Interpretation.Should().Be(Enums.Interpretation.Srgb);
        reloaded.Bands.Should().Be(3);
    }

    [Fact]
    public async Task Given_a_png_with_transparency_Then_alpha_is_kept()
    {
        var result = await ProcessAsync(TestImages.Png(400, 400, alpha: true), "image/png");

        using var reloaded = Image.NewFromBuffer(Read(result.Renditions.First(r => r.ContentType == "image/webp").Key));
        reloaded.HasAlpha().Should().BeTrue();
    }

    [Fact]
    public async Task Given_an_object_above_the_cap_Then_too_large_before_download()
    {
        var key = await UploadAsync(TestImages.Jpeg(64, 64));

        var error = await Assert.ThrowsAsync<MediaException>(() => _processor.ProcessAsync(Guid.NewGuid(), key, "image/jpeg", 100, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.TooLarge);
    }
}
