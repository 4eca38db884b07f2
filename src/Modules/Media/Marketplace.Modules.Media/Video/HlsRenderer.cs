using System.Globalization;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Uploads;

namespace Marketplace.Modules.Media.Video;

/// <summary>One rung of the ladder: its short side (the "p" number) and target video bitrate.</summary>
internal sealed record HlsRung(string Name, int ShortSide, int VideoKbps);

internal sealed record RenderedRung(string Name, int Width, int Height, int VideoKbps);

/// <summary>A rendered HLS package in <see cref="Directory"/>: <c>master.m3u8</c> and one folder per rung.</summary>
internal sealed record RenderedHls(string Directory, IReadOnlyList<RenderedRung> Rungs, string PosterPath);

/// <summary>
/// Renders a probed video to an HLS ladder in one ffmpeg run: H.264 High + AAC-LC, fMP4 segments (HLS version 7),
/// keyframes every 2 s on every rung (so segments align and players can switch), only rungs at or below the source
/// (never upscaled), metadata dropped (phones put GPS positions there). ffmpeg writes the master playlist with
/// BANDWIDTH, RESOLUTION and CODECS. The same run writes a poster frame as a JPEG (for the image pipeline) from one more
/// branch of the decoded video: the source is read and decoded once, not twice.
/// </summary>
internal sealed class HlsRenderer(MediaVideoOptions options)
{
    public static readonly IReadOnlyList<HlsRung> Ladder =
    [
        new("360p", 360, 800),
        new("540p", 540, 2000),
        new("720p", 720, 3000),
        new("1080p", 1080, 6000),
    ];

    public const int AudioKbps = 128;
    public const string MasterPlaylist = "master.m3u8";

    /// <summary>The rungs for a source: those at or below its short side; a source below the lowest gets one rung at its own size.</summary>
    public static IReadOnlyList<HlsRung> RungsFor(VideoInfo video)
    {
        var shortSide = Math.Min(video.Width, video.Height);
        var rungs = Ladder.Where(r => r.ShortSide <= shortSide).ToList();
        if (rungs.Count == 0)
        {
            var even = Math.Max(2, shortSide / 2 * 2);
            rungs.Add(new HlsRung($"{even}p", even, Ladder[0].VideoKbps));
        }

        return rungs;
    }

    public static (int Width, int Height) SizeOf(HlsRung rung, VideoInfo video)
    {
        // Scale so the short side is the rung's, the long side keeps the aspect ratio rounded to even (as -2 does).
        var landscape = video.Width >= video.Height;
        var longSide = (int)Math.Round((double)Math.Max(video.Width, video.Height) * rung.ShortSide / Math.Min(video.Width, video.Height) / 2) * 2;
        return landscape ? (longSide, rung.ShortSide) : (rung.ShortSide, longSide);
    }

    public const string PosterFile = "poster.jpg";

    /// <summary>
    /// The ffmpeg arguments for the ladder, and with <paramref name="withPoster"/> the poster frame (public for the
    /// benchmark, which times the bare ladder command).
    /// </summary>
    public IReadOnlyList<string> LadderArguments(string source, VideoInfo video, string outputDirectory, bool withPoster = true)
    {
        var rungs = RungsFor(video);
        var landscape = video.Width >= video.Height;
        var args = new List<string>
        {
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-protocol_whitelist", "file",
            "-f", VideoProbe.DemuxerFor(video.Container),
            "-i", "file:" + source,
        };

        var split = string.Concat(rungs.Select((_, i) => $"[s{i}]"));
        var scales = rungs.Select((r, i) => landscape ? $"[s{i}]scale=-2:{r.ShortSide}[v{i}]" : $"[s{i}]scale={r.ShortSide}:-2[v{i}]").ToList();
        if (withPoster)
        {
            // The poster: the most representative of 30 frames from 1 s in (or the middle of a shorter clip).
            var at = Math.Min(1.0, video.Duration.TotalSeconds / 2).ToString("0.###", CultureInfo.InvariantCulture);
            scales.Add($"[sp]trim=start={at},thumbnail=30[poster]");
            split += "[sp]";
        }

        args.AddRange(["-filter_complex", $"[0:v]split={rungs.Count + (withPoster ? 1 : 0)}{split};{string.Join(';', scales)}"]);

        for (var i = 0; i < rungs.Count; i++)
        {
            var kbps = rungs[i].VideoKbps;
            args.AddRange(["-map", $"[v{i}]", $"-c:v:{i}", "libx264", $"-b:v:{i}", $"{kbps}k",
                $"-maxrate:v:{i}", $"{kbps * 11 / 10}k", $"-bufsize:v:{i}", $"{kbps * 2}k"]);
        }

        if (video.HasAudio)
        {
            for (var i = 0; i < rungs.Count; i++)
                args.AddRange(["-map", "0:a:0"]);
            args.AddRange(["-c:a", "aac", "-b:a", $"{AudioKbps}k", "-ac", "2"]);
        }

        var gop = Math.Max(1, (int)Math.Round(video.FrameRate * 2));
        args.AddRange([
            "-preset", options.Preset, "-profile:v", "high", "-pix_fmt", "yuv420p",
            "-g", gop.ToString(CultureInfo.InvariantCulture), "-keyint_min", gop.ToString(CultureInfo.InvariantCulture),
            "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*2)",
            "-map_metadata", "-1", "-map_chapters", "-1",
        ]);
        if (options.Threads > 0)
            args.AddRange(["-threads", options.Threads.ToString(CultureInfo.InvariantCulture)]);

        var streamMap = string.Join(' ', rungs.Select((r, i) => video.HasAudio ? $"v:{i},a:{i},name:{r.Name}" : $"v:{i},name:{r.Name}"));
        args.AddRange([
            "-f", "hls", "-hls_time", options.SegmentSeconds.ToString(CultureInfo.InvariantCulture),
            "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
            "-hls_segment_filename", Path.Combine(outputDirectory, "%v", "seg_%03d.m4s"),
            "-hls_fmp4_init_filename", "init.mp4",
            "-master_pl_name", MasterPlaylist,
            "-var_stream_map", streamMap,
            Path.Combine(outputDirectory, "%v", "index.m3u8"),
        ]);
        if (withPoster)
            args.AddRange(["-map", "[poster]", "-frames:v", "1", "-map_metadata", "-1", "-q:v", "2", "-f", "image2", Path.Combine(outputDirectory, PosterFile)]);
        return args;
    }

    public async Task<RenderedHls> RenderAsync(string source, VideoInfo video, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var rungs = RungsFor(video);
        var result = await ProcessRunner.RunAsync(options.FfmpegPath, LadderArguments(source, video, outputDirectory), options.RenderTimeout, cancellationToken);
        if (result.ExitCode != 0)
            throw new MediaException(MediaErrorCodes.RenderFailed, $"ffmpeg failed (exit {result.ExitCode}): {VideoProbe.LastLine(result.StandardErrorTail)}");
        if (!File.Exists(Path.Combine(outputDirectory, MasterPlaylist)))
            throw new MediaException(MediaErrorCodes.RenderFailed, "ffmpeg wrote no master playlist.");

        var poster = Path.Combine(outputDirectory, PosterFile);
        if (!File.Exists(poster))
            throw new MediaException(MediaErrorCodes.RenderFailed, "ffmpeg made no poster frame.");

        return new RenderedHls(outputDirectory, rungs.Select(r =>
        {
            var (w, h) = SizeOf(r, video);
            return new RenderedRung(r.Name, w, h, r.VideoKbps);
        }).ToList(), poster);
    }
}
