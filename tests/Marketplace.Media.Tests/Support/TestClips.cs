using System.Globalization;
using Marketplace.Modules.Media.Video;

namespace Marketplace.Media.Tests.Support;

/// <summary>Short test videos made with ffmpeg's lavfi sources (no binary fixtures in git).</summary>
internal static class TestClips
{
    public static Task<byte[]> Mp4Async(int width, int height, double seconds, bool audio) =>
        MakeAsync($"testsrc2=size={width}x{height}:rate=25", audio ? "sine=frequency=440:sample_rate=48000" : null, seconds);

    /// <summary>An MP4 with sound only: a "video" upload with no video stream.</summary>
    public static Task<byte[]> AudioOnlyMp4Async(double seconds) => MakeAsync(null, "sine=frequency=440:sample_rate=48000", seconds);

    private static async Task<byte[]> MakeAsync(string? video, string? audio, double seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clip-{Guid.NewGuid():N}.mp4");
        var args = new List<string> { "-nostdin", "-v", "error", "-y" };
        if (video is not null)
            args.AddRange(["-f", "lavfi", "-i", video]);
        if (audio is not null)
            args.AddRange(["-f", "lavfi", "-i", audio]);
        args.AddRange(["-t", seconds.ToString(CultureInfo.InvariantCulture)]);
        if (video is not null)
            args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        if (audio is not null)
            args.AddRange(["-c:a", "aac"]);
        args.Add(path);
        try
        {
            var result = await ProcessRunner.RunAsync("ffmpeg", args, TimeSpan.FromMinutes(2), CancellationToken.None);
            result.ExitCode.Should().Be(0, result.StandardErrorTail);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
