using System.Globalization;
using System.Text;
using Marketplace.Media.Tests.Support;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Modules.Media.Video;

namespace Marketplace.Media.Tests;

/// <summary>The video pipeline with the real ffprobe/ffmpeg; test clips come from ffmpeg's lavfi sources.</summary>
public sealed class VideoTests : IDisposable
{
    private readonly DirectoryInfo _root = MediaTestEnvironment.NewTempDirectory();
    private readonly LocalDiskMediaStorage _storage;

    public VideoTests() =>
        _storage = new LocalDiskMediaStorage(new LocalDiskStorageOptions { Root = Path.Combine(_root.FullName, "store") }, new PostPolicySigner(new byte[32]), TimeProvider.System);

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<byte[]> ClipAsync(string video, string? audio, double seconds, string format = "mp4")
    {
        var path = Path.Combine(_root.FullName, $"{Guid.NewGuid():N}.{format}");
        var args = new List<string> { "-nostdin", "-v", "error", "-y" };
        if (video.Length > 0)
            args.AddRange(["-f", "lavfi", "-i", video]);
        if (audio is not null)
            args.AddRange(["-f", "lavfi", "-i", audio]);
        args.AddRange(["-t", seconds.ToString(CultureInfo.InvariantCulture)]);
        if (video.Length > 0)
            args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        if (audio is not null)
            args.AddRange(["-c:a", "aac"]);
        args.Add(path);
        var result = await ProcessRunner.RunAsync("ffmpeg", args, TimeSpan.FromMinutes(2), CancellationToken.None);
        result.ExitCode.Should().Be(0, result.StandardErrorTail);
        return await File.ReadAllBytesAsync(path);
    }

    private VideoProcessor Processor(MediaVideoOptions? options = null)
    {
        options ??= new MediaVideoOptions();
        var images = new MediaImageOptions();
        return new VideoProcessor(_storage, new VideoProbe(options), new HlsRenderer(options), new ImageInspector(images), new ImageRenderer(images));
    }

    private async Task<string> UploadAsync(byte[] bytes)
    {
        var key = MediaKeys.Raw(Guid.NewGuid(), Guid.NewGuid());
        using var content = new MemoryStream(bytes);
        await _storage.PutAsync(StorageArea.Raw, key, content, "video/mp4", null, CancellationToken.None);
        return key;
    }

    private async Task<string> ReadTextAsync(string key)
    {
        await using var stream = await _storage.OpenReadAsync(StorageArea.Renditions, key, CancellationToken.None);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Given_a_540p_clip_Then_an_fmp4_hls_ladder_of_360p_and_540p_with_master_playlist_segments_and_poster()
    {
        var clip = await ClipAsync("testsrc2=size=960x540:rate=30", "sine=frequency=440:sample_rate=48000", 4);
        var assetId = Guid.NewGuid();

        var result = await Processor().ProcessAsync(assetId, await UploadAsync(clip), "video/mp4", 100_000_000, 1, CancellationToken.None);

        result.Rungs.Select(r => (r.Name, r.Width, r.Height)).Should().Equal(("360p", 640, 360), ("540p", 960, 540));
        result.Duration.TotalSeconds.Should().BeApproximately(4, 0.2);
        var master = await ReadTextAsync(result.MasterKey);
        var lines = master.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("#EXTM3U");
        lines.Should().Contain("#EXT-X-VERSION:7");
        var variants = lines.Where(l => l.StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)).ToList();
        variants.Should().HaveCount(2);
        foreach (var variant in variants)
        {
            variant.Should().MatchRegex("BANDWIDTH=[0-9]+");
            variant.Should().MatchRegex("CODECS=\"avc1\\.[0-9a-f]{6},mp4a\\.40\\.2\"");
        }

        variants[0].Should().Contain("RESOLUTION=640x360");
        variants[1].Should().Contain("RESOLUTION=960x540");

        foreach (var media in lines.Where(l => l.EndsWith(".m3u8", StringComparison.Ordinal)))
        {
            var folder = MediaKeys.VideoPrefix(assetId, 1) + media[..(media.LastIndexOf('/') + 1)];
            var playlist = (await ReadTextAsync(MediaKeys.VideoPrefix(assetId, 1) + media)).Split('\n', StringSplitOptions.TrimEntries);
            playlist.Should().Contain("#EXT-X-ENDLIST");
            int.Parse(playlist.Single(l => l.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal)).Split(':')[1], CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(6);
            var init = playlist.Single(l => l.StartsWith("#EXT-X-MAP:URI=", StringComparison.Ordinal)).Split('"')[1];
            var segment = playlist.First(l => l.EndsWith(".m4s", StringComparison.Ordinal));

            // Read back what a player fetches: the init segment (ftyp/moov) and a media segment (moof/mdat).
            var initBytes = await _storage.ReadPrefixAsync(StorageArea.Renditions, folder + init, 8, CancellationToken.None);
            Encoding.ASCII.GetString(initBytes, 4, 4).Should().Be("ftyp");
            using var segmentBytes = new MemoryStream();
            await using (var read = await _storage.OpenReadAsync(StorageArea.Renditions, folder + segment, CancellationToken.None))
                await read.CopyToAsync(segmentBytes);
            var boxes = Encoding.ASCII.GetString(segmentBytes.ToArray());
            boxes.Substring(4, 4).Should().Be("styp");
            boxes.Should().Contain("moof").And.Contain("mdat");
        }

        result.Poster.Select(p => p.ContentType).Distinct().Should().BeEquivalentTo("image/avif", "image/webp");
        result.Poster.Select(p => Math.Max(p.Width, p.Height)).Distinct().Should().Equal([160, 320, 640], "widths up to the 960 px frame, never upscaled");
    }

    [Fact]
    public async Task Given_a_portrait_clip_without_audio_Then_rungs_follow_the_short_side()
    {
        var clip = await ClipAsync("testsrc2=size=540x960:rate=25", null, 2);

        var result = await Processor().ProcessAsync(Guid.NewGuid(), await UploadAsync(clip), "video/mp4", 100_000_000, 1, CancellationToken.None);

        result.Rungs.Select(r => (r.Width, r.Height)).Should().Equal((360, 640), (540, 960));
        (await ReadTextAsync(result.MasterKey)).Should().NotContain("mp4a");
    }

    [Fact]
    public async Task Given_a_file_with_only_audio_Then_no_video_stream_and_nothing_kept()
    {
        var audioOnly = await ClipAsync("", "sine=frequency=440:sample_rate=48000", 2, "m4a");
        var key = await UploadAsync(audioOnly);
        var assetId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<MediaException>(() => Processor().ProcessAsync(assetId, key, "video/mp4", 100_000_000, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.NoVideoStream);
        (await _storage.HeadAsync(StorageArea.Raw, key, CancellationToken.None)).Should().BeNull();
        (await _storage.ListAsync(StorageArea.Renditions, MediaKeys.VideoPrefix(assetId, 1), CancellationToken.None)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nconcat:file:///etc/passwd|subfile,,start,0,end,1,,:/etc/passwd\n#EXT-X-ENDLIST\n")]
    [InlineData("just text posing as a video")]
    public async Task Given_a_playlist_or_text_posing_as_mp4_Then_unsupported_format(string text)
    {
        var error = await Assert.ThrowsAsync<MediaException>(() =>
            Processor().ProcessAsync(Guid.NewGuid(), UploadAsync(Encoding.UTF8.GetBytes(text)).Result, "video/mp4", 100_000_000, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.UnsupportedFormat);
    }

    [Fact]
    public async Task Given_a_video_longer_than_allowed_Then_too_long()
    {
        var clip = await ClipAsync("testsrc2=size=320x240:rate=10", null, 3);

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            Processor(new MediaVideoOptions { MaxDuration = TimeSpan.FromSeconds(2) }).ProcessAsync(Guid.NewGuid(), UploadAsync(clip).Result, "video/mp4", 100_000_000, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.TooLong);
    }

    [Fact]
    public async Task Given_a_video_wider_than_allowed_Then_too_many_pixels_and_nothing_kept()
    {
        var clip = await ClipAsync("testsrc2=size=640x360:rate=10", null, 1);
        var rawKey = await UploadAsync(clip);
        var assetId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            Processor(new MediaVideoOptions { MaxSide = 480 }).ProcessAsync(assetId, rawKey, "video/mp4", 100_000_000, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.TooManyPixels);
        error.Message.Should().Contain("640×360");
        (await _storage.HeadAsync(StorageArea.Raw, rawKey, CancellationToken.None)).Should().BeNull();
        (await _storage.ListAsync(StorageArea.Renditions, MediaKeys.VideoPrefix(assetId, 1), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_stored_video_above_its_cap_Then_too_large_before_it_is_downloaded()
    {
        var clip = await ClipAsync("testsrc2=size=320x240:rate=10", null, 1);
        var rawKey = await UploadAsync(clip);

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            Processor().ProcessAsync(Guid.NewGuid(), rawKey, "video/mp4", clip.Length - 1, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.TooLarge);
        (await _storage.HeadAsync(StorageArea.Raw, rawKey, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Given_a_webm_declared_as_mp4_Then_content_type_mismatch()
    {
        var path = Path.Combine(_root.FullName, "clip.webm");
        var made = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10", "-t", "1", "-c:v", "libvpx", "-deadline", "realtime", path], TimeSpan.FromMinutes(1), CancellationToken.None);
        made.ExitCode.Should().Be(0, made.StandardErrorTail);

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            Processor().ProcessAsync(Guid.NewGuid(), UploadAsync(File.ReadAllBytes(path)).Result, "video/mp4", 100_000_000, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.ContentTypeMismatch);
    }

    [Fact]
    public async Task Given_ffmpeg_fails_Then_the_render_fails_with_its_reason_and_cleans_up()
    {
        var clip = await ClipAsync("testsrc2=size=640x360:rate=10", null, 1);
        var key = await UploadAsync(clip);
        var assetId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            Processor(new MediaVideoOptions { Preset = "no-such-preset" }).ProcessAsync(assetId, key, "video/mp4", 100_000_000, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.RenderFailed);
        error.Message.Should().Contain("ffmpeg failed").And.Contain("preset", "the reason is ffmpeg's own last line");
        (await _storage.ListAsync(StorageArea.Renditions, MediaKeys.VideoPrefix(assetId, 1), CancellationToken.None)).Should().BeEmpty();
        (await _storage.HeadAsync(StorageArea.Raw, key, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Given_a_render_over_its_time_limit_Then_ffmpeg_is_killed_and_the_render_fails()
    {
        var clip = await ClipAsync("testsrc2=size=640x360:rate=30", null, 3);

        var error = await Assert.ThrowsAsync<MediaException>(() =>
            Processor(new MediaVideoOptions { RenderTimeout = TimeSpan.FromMilliseconds(50), Preset = "veryslow" })
                .ProcessAsync(Guid.NewGuid(), UploadAsync(clip).Result, "video/mp4", 100_000_000, 1, CancellationToken.None));

        error.Code.Should().Be(MediaErrorCodes.RenderFailed);
        error.Message.Should().Contain("did not finish");
    }
}
