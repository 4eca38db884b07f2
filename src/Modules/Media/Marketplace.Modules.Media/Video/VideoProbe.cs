using System.Globalization;
using System.Text.Json;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Uploads;

namespace Marketplace.Modules.Media.Video;

/// <summary>What the probe found; Width and Height are as displayed (rotation applied).</summary>
internal sealed record VideoInfo(SniffedFormat Container, TimeSpan Duration, int Width, int Height, string VideoCodec, bool HasAudio, double FrameRate);

/// <summary>
/// The ffprobe gate in front of every render: the container is forced from the sniffed magic bytes (ffprobe never
/// guesses another demuxer, e.g. an HLS playlist posing as .mp4 that would make ffmpeg read other files), only the
/// <c>file</c> protocol is allowed, and duration, frame size and codec are checked.
/// </summary>
internal sealed class VideoProbe(MediaVideoOptions options)
{
    private static readonly HashSet<string> VideoCodecs = new(StringComparer.Ordinal) { "h264", "hevc", "vp8", "vp9", "av1", "mpeg4" };

    public static string DemuxerFor(SniffedFormat container) => container switch
    {
        SniffedFormat.Mp4 => "mov",
        SniffedFormat.Matroska => "matroska",
        _ => throw new MediaException(MediaErrorCodes.UnsupportedFormat, "The file is not an MP4, MOV, WebM or Matroska video."),
    };

    public async Task<VideoInfo> ProbeAsync(string path, SniffedFormat container, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(options.FfprobePath,
        [
            "-v", "error", "-hide_banner",
            "-protocol_whitelist", "file",
            "-f", DemuxerFor(container),
            "-print_format", "json", "-show_format", "-show_streams",
            "-i", "file:" + path,
        ], options.ProbeTimeout, cancellationToken);
        if (result.ExitCode != 0)
            throw new MediaException(MediaErrorCodes.Corrupt, $"The video cannot be read: {LastLine(result.StandardErrorTail)}");

        using var document = JsonDocument.Parse(result.StandardOutput);
        var root = document.RootElement;
        var format = root.GetProperty("format");
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];

        // Cover art in an MP4 is a one-frame "video" stream flagged attached_pic: not a video.
        var video = streams.FirstOrDefault(st => Text(st, "codec_type") == "video" && !IsAttachedPicture(st));
        if (video.ValueKind == JsonValueKind.Undefined)
            throw new MediaException(MediaErrorCodes.NoVideoStream, "The file has no video stream.");
        var hasAudio = streams.Any(st => Text(st, "codec_type") == "audio");

        var codec = Text(video, "codec_name") ?? "";
        if (!VideoCodecs.Contains(codec))
            throw new MediaException(MediaErrorCodes.UnsupportedFormat, $"The video codec '{codec}' is not accepted.");

        if (!double.TryParse(Text(format, "duration") ?? Text(video, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            throw new MediaException(MediaErrorCodes.Corrupt, "The video has no duration.");
        var duration = TimeSpan.FromSeconds(seconds);
        if (duration > options.MaxDuration)
            throw new MediaException(MediaErrorCodes.TooLong, $"The video lasts {duration:g}; at most {options.MaxDuration:g} is accepted.");

        var width = video.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
        var height = video.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
        if (width <= 0 || height <= 0)
            throw new MediaException(MediaErrorCodes.Corrupt, "The video stream has no frame size.");
        if (Math.Max(width, height) > options.MaxSide)
            throw new MediaException(MediaErrorCodes.TooManyPixels, $"The video is {width}×{height}; at most {options.MaxSide} px a side is accepted.");
        if (Math.Abs(Rotation(video)) % 180 == 90)
            (width, height) = (height, width);

        return new VideoInfo(container, duration, width, height, codec, hasAudio, FrameRate(Text(video, "avg_frame_rate")));
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;

    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sides))
        {
            foreach (var side in sides.EnumerateArray())
            {
                if (side.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                    return (int)r.GetDouble();
            }
        }

        return stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var rotate)
            && int.TryParse(rotate.GetString(), CultureInfo.InvariantCulture, out var degrees) ? degrees : 0;
    }

    private static double FrameRate(string? rational)
    {
        var parts = rational?.Split('/') ?? [];
        return parts.Length == 2
            && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var n)
            && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var d) && d > 0 && n > 0
            ? n / d
            : 30;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The last few lines of ffmpeg's stderr: its own reason (the last line alone is often generic).</summary>
    internal static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no detail" : string.Join(" | ", lines.TakeLast(3));
    }
}
