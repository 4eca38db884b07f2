using System.Diagnostics;
using System.Globalization;
using ImageMagick;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Modules.Media.Video;
using NetVips;

// Usage: dotnet Marketplace.Media.Bench.dll                          the whole run (images, then HLS), results on stdout
//        dotnet Marketplace.Media.Bench.dll image <engine> <jpeg>    one engine in this process (a child of the run)
// Each engine runs in a process of its own: peak RSS is then that engine's alone, and the two native stacks (libvips'
// GLib and Magick.NET's own) never meet in one process (they clash over GLib type registration).
return args switch
{
    ["image", "magick", var input] => MagickEngine.Run(input),
    ["image", "netvips", var input] => VipsEngine.Run(input),
    _ => await Parent.RunAsync(),
};

internal static class Report
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    public static readonly MediaImageOptions ImageOptions = new();

    public static int Print(Stopwatch watch, List<long> outputs, string version)
    {
        // Peak resident memory of this process (the kernel's high-water mark), read after the work.
        var peakKb = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Console.WriteLine(string.Create(Invariant, $"{watch.Elapsed.TotalMilliseconds:0} {peakKb} {outputs.Count} {outputs.Sum()} {version}"));
        return 0;
    }
}

internal static class VipsEngine
{
    // The module's renderer: exactly what an upload goes through (inspection included).
    public static int Run(string path)
    {
        var watch = Stopwatch.StartNew();
        var info = new ImageInspector(Report.ImageOptions).Inspect(path, "image/jpeg", long.MaxValue);
        var rendered = new ImageRenderer(Report.ImageOptions).Render(path, info);
        watch.Stop();
        return Report.Print(watch, rendered.Renditions.Select(r => (long)r.Bytes.Length).ToList(), $"libvips-{Vips.LibraryVersion}");
    }
}

internal static class MagickEngine
{
    // The same twelve outputs with Magick.NET: auto-orient, sRGB, strip, resize per width, AVIF and WebP at the same
    // qualities; AVIF speed set to the libaom speed libvips' effort maps to (speed = 9 - effort).
    public static int Run(string path)
    {
        var options = Report.ImageOptions;
        var watch = Stopwatch.StartNew();
        var sizes = new List<long>();
        using (var original = new MagickImage(path))
        {
            original.AutoOrient();
            original.TransformColorSpace(ColorProfiles.SRGB);
            original.Strip();
            foreach (var width in options.Widths.OrderDescending())
            {
                using var sized = (MagickImage)original.Clone();
                sized.Resize(new MagickGeometry((uint)width, (uint)width) { Greater = true });
                sized.Quality = (uint)options.AvifQuality;
                sized.Settings.SetDefine(MagickFormat.Avif, "speed", (9 - options.AvifEffort).ToString(Report.Invariant));
                sizes.Add(sized.ToByteArray(MagickFormat.Avif).Length);
                sized.Quality = (uint)options.WebpQuality;
                sized.Settings.SetDefine(MagickFormat.WebP, "method", options.WebpEffort.ToString(Report.Invariant));
                sizes.Add(sized.ToByteArray(MagickFormat.WebP).Length);
            }
        }

        watch.Stop();
        return Report.Print(watch, sizes, "Magick.NET-" + typeof(MagickImage).Assembly.GetName().Version);
    }
}

internal static class Parent
{
  public static async Task<int> RunAsync()
  {
var invariant = Report.Invariant;
var imageOptions = Report.ImageOptions;
var work = Directory.CreateTempSubdirectory("media-bench-");
try
{
    var jpeg = Path.Combine(work.FullName, "12mp.jpg");
    using (var source = Pattern(4032, 3024))
        source.Jpegsave(jpeg, q: 90);
    Console.WriteLine($"{Environment.ProcessorCount} cores");
    Console.WriteLine($"input: 4032x3024 JPEG ({new FileInfo(jpeg).Length / 1024} KiB); outputs: widths {string.Join('/', imageOptions.Widths)} x AVIF q{imageOptions.AvifQuality} effort {imageOptions.AvifEffort} + WebP q{imageOptions.WebpQuality} effort {imageOptions.WebpEffort}");

    var runs = new Dictionary<string, List<(double Ms, double PeakMb, string Detail)>>();
    for (var round = 0; round < 3; round++)
    {
        foreach (var engine in new[] { "netvips", "magick" })
        {
            var line = Child(["image", engine, jpeg]).Split(' ');
            runs.TryAdd(engine, []);
            runs[engine].Add((double.Parse(line[0], invariant), double.Parse(line[1], invariant) / 1024, $"{line[4]}: {line[2]} files, {long.Parse(line[3], invariant) / 1024} KiB"));
        }
    }

    foreach (var (engine, results) in runs)
    {
        var ms = results.Select(r => r.Ms).Order().ElementAt(1);
        var mb = results.Select(r => r.PeakMb).Order().ElementAt(1);
        Console.WriteLine(string.Create(invariant, $"{engine,-8} median of 3: {ms,7:0} ms, peak RSS {mb,6:0} MB ({results[0].Detail}); runs {string.Join(", ", results.Select(r => $"{r.Ms:0} ms/{r.PeakMb:0} MB"))}"));
    }

    var netvips = runs["netvips"].Select(r => r.Ms).Order().ElementAt(1);
    var magick = runs["magick"].Select(r => r.Ms).Order().ElementAt(1);
    var netvipsMb = runs["netvips"].Select(r => r.PeakMb).Order().ElementAt(1);
    var magickMb = runs["magick"].Select(r => r.PeakMb).Order().ElementAt(1);
    Console.WriteLine(string.Create(invariant, $"NetVips vs Magick.NET: {magick / netvips:0.00}x faster (goal >= 3), {magickMb / netvipsMb:0.00}x less memory (goal >= 4)"));

    await BenchHlsAsync(work.FullName, invariant);
}
finally
{
    work.Delete(recursive: true);
}

return 0;

static string Child(string[] childArgs)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        start.ArgumentList.Add(typeof(ImageRenderer).Assembly.Location.Replace("Marketplace.Modules.Media.dll", "Marketplace.Media.Bench.dll", StringComparison.Ordinal));
    foreach (var a in childArgs)
        start.ArgumentList.Add(a);
    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    if (child.ExitCode != 0)
        throw new InvalidOperationException($"{string.Join(' ', childArgs)} failed");
    return output.Split('\n')[^1];
}

static async Task BenchHlsAsync(string dir, CultureInfo invariant)
{
    var options = new MediaVideoOptions();
    var source = Path.Combine(dir, "source.mp4");
    var made = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", "10", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", source], TimeSpan.FromMinutes(5), CancellationToken.None);
    if (made.ExitCode != 0)
        throw new InvalidOperationException(made.StandardErrorTail);

    var probe = new VideoProbe(options);
    var renderer = new HlsRenderer(options);
    var bare = new List<double>();
    var ours = new List<double>();
    for (var round = 0; round < 2; round++)
    {
        // Bare: the same ffmpeg ladder command, nothing around it.
        var info = await probe.ProbeAsync(source, SniffedFormat.Mp4, CancellationToken.None);
        var bareDir = Path.Combine(dir, $"bare{round}");
        Directory.CreateDirectory(bareDir);
        var watch = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("ffmpeg", renderer.LadderArguments(source, info, bareDir), TimeSpan.FromMinutes(10), CancellationToken.None);
        bare.Add(watch.Elapsed.TotalSeconds);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(result.StandardErrorTail);

        // Ours: probe gate + ladder + poster, as the pipeline runs them.
        watch.Restart();
        var probed = await probe.ProbeAsync(source, SniffedFormat.Mp4, CancellationToken.None);
        await renderer.RenderAsync(source, probed, Path.Combine(dir, $"ours{round}"), CancellationToken.None);
        ours.Add(watch.Elapsed.TotalSeconds);
    }

    Console.WriteLine(string.Create(invariant, $"HLS 10 s 1080p30 -> 4 rungs ({options.Preset}): bare ffmpeg {bare.Min():0.00} s, pipeline (probe + ladder + poster) {ours.Min():0.00} s, ratio {ours.Min() / bare.Min():0.000} (goal <= 1.1); runs bare {string.Join('/', bare.Select(b => b.ToString("0.00", invariant)))}, ours {string.Join('/', ours.Select(b => b.ToString("0.00", invariant)))}"));
}

static NetVips.Image Pattern(int width, int height)
{
    // A photo-like worst case for encoders: smooth gradients plus noise.
    using var xy = NetVips.Image.Xyz(width, height);
    using var noise = NetVips.Image.Gaussnoise(width, height, sigma: 25, mean: 0);
    using var r = (xy[0] * (255.0 / width) + noise).Cast(Enums.BandFormat.Uchar);
    using var g = (xy[1] * (255.0 / height) + noise).Cast(Enums.BandFormat.Uchar);
    using var b = ((xy[0] + xy[1]) * (127.0 / (width + height)) + 64 + noise).Cast(Enums.BandFormat.Uchar);
    using var rgb = r.Bandjoin(g, b);
    return rgb.Copy(interpretation: Enums.Interpretation.Srgb);
}

  }
}
