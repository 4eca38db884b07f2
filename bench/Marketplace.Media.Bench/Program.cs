using System.Diagnostics;
using System.Globalization;
using ImageMagick;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Modules.Media.Video;
using NetVips;

// Usage: dotnet Marketplace.Media.Bench.dll [--rounds N [--only images|hls]]   the whole run (images, then HLS; 5
//                                                                    rounds each by default, medians), results on stdout
//        dotnet Marketplace.Media.Bench.dll image <engine> <jpeg>    one engine in this process (a child of the run)
// Each engine runs in a process of its own: peak RSS is then that engine's alone, and the two native stacks (libvips'
// GLib and Magick.NET's own) never meet in one process (they clash over GLib type registration).
return args switch
{
    ["image", "magick", var input] => MagickEngine.Run(input),
    ["image", "netvips", var input] => VipsEngine.Run(input),
    ["--rounds", var n] => await Parent.RunAsync(int.Parse(n, CultureInfo.InvariantCulture), "all"),
    ["--rounds", var n, "--only", var part] => await Parent.RunAsync(int.Parse(n, CultureInfo.InvariantCulture), part),
    _ => await Parent.RunAsync(5, "all"),
};

internal static class Report
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    public static readonly MediaImageOptions ImageOptions = new();

    /// <summary>
    /// The resident memory of this process once the runtime and the engine's native library are loaded and initialised,
    /// before any image work: the peak is reported above it too, so both engines are measured the same way (their own
    /// work only, not the .NET runtime and library code they both carry).
    /// </summary>
    public static long BaselineKb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return StatusKb("VmRSS:");
    }

    public static int Print(Stopwatch watch, long baselineKb, List<long> outputs, string version, Func<string> stages)
    {
        // Peak resident memory of this process (the kernel's high-water mark), read after the work and before anything
        // else runs in this process.
        var peakKb = StatusKb("VmHWM:");
        Console.WriteLine(string.Create(Invariant, $"{watch.Elapsed.TotalMilliseconds:0} {peakKb} {baselineKb} {outputs.Count} {outputs.Sum()} {version} {stages()}"));
        return 0;
    }

    public static long StatusKb(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Invariant);
}

internal static class VipsEngine
{
    // The module's renderer: exactly what an upload goes through (inspection included).
    public static int Run(string path)
    {
        Vips.EnsureInitialised();
        var baseline = Report.BaselineKb();
        var watch = Stopwatch.StartNew();
        var info = new ImageInspector(Report.ImageOptions).Inspect(path, "image/jpeg", long.MaxValue);
        var rendered = new ImageRenderer(Report.ImageOptions).Render(path, info);
        watch.Stop();
        return Report.Print(watch, baseline, rendered.Renditions.Select(r => (long)r.Bytes.Length).ToList(), $"libvips-{Vips.LibraryVersion}", () => Stages(path));
    }

    /// <summary>
    /// After the measured run (so it changes neither number): the same work split into its stages, to show where the
    /// time and memory go — one decode to 2048 px, the six resizes, the six AVIF and the six WebP encodes.
    /// </summary>
    private static string Stages(string path)
    {
        var options = Report.ImageOptions;
        var meter = new StageMeter();
        using var largest = meter.Measure("decode", () => Image.Thumbnail(path, options.Widths.Max(), height: options.Widths.Max(), size: Enums.Size.Down).CopyMemory());
        foreach (var width in options.Widths.OrderDescending())
        {
            using var sized = meter.Measure("resize", () => largest.ThumbnailImage(width, height: width, size: Enums.Size.Down).CopyMemory());
            meter.Measure("avif", () => sized.WriteToBuffer(".avif", new VOption { { "Q", options.AvifQuality }, { "effort", options.AvifEffort }, { "compression", Enums.ForeignHeifCompression.Av1 }, { "strip", true } }));
            meter.Measure("webp", () => sized.WriteToBuffer(".webp", new VOption { { "Q", options.WebpQuality }, { "effort", options.WebpEffort }, { "strip", true } }));
        }

        return meter.ToString();
    }
}

/// <summary>
/// Time and peak memory per stage, summed (time) and maximal (memory) over the stage's runs: the kernel's high-water
/// mark is reset before each run (<c>/proc/self/clear_refs</c> = 5), so a stage's peak is its own, above the resident
/// memory it started from.
/// </summary>
internal sealed class StageMeter
{
    private readonly List<(string Name, double Ms, long PeakKb)> _stages = [];

    public T Measure<T>(string name, Func<T> work)
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        var startKb = Report.StatusKb("VmRSS:");
        var watch = Stopwatch.StartNew();
        var result = work();
        var ms = watch.Elapsed.TotalMilliseconds;
        var peakKb = Report.StatusKb("VmHWM:") - startKb;
        var index = _stages.FindIndex(s => s.Name == name);
        if (index < 0)
            _stages.Add((name, ms, peakKb));
        else
            _stages[index] = (name, _stages[index].Ms + ms, Math.Max(_stages[index].PeakKb, peakKb));
        return result;
    }

    /// <summary>e.g. <c>decode=130ms+12MB,resize=…</c> (no spaces: the child's answer is one space-separated line).</summary>
    public override string ToString() =>
        string.Join(',', _stages.Select(s => string.Create(Report.Invariant, $"{s.Name}={s.Ms:0}ms+{s.PeakKb / 1024}MB")));
}

internal static class MagickEngine
{
    // The same twelve outputs with Magick.NET: auto-orient, sRGB, strip, resize per width, AVIF and WebP at the same
    // qualities; AVIF speed set to the libaom speed libvips' effort maps to (speed = 9 - effort).
    public static int Run(string path)
    {
        var options = Report.ImageOptions;
        MagickNET.Initialize();
        using (var warm = new MagickImage(MagickColors.White, 1, 1))
            _ = warm.ToByteArray(MagickFormat.Png); // loads the native library and its coders before the baseline
        var baseline = Report.BaselineKb();
        var watch = Stopwatch.StartNew();
        var sizes = Render(path, new StageMeter(), measureStages: false);
        watch.Stop();
        return Report.Print(watch, baseline, sizes, "Magick.NET-" + typeof(MagickImage).Assembly.GetName().Version, () =>
        {
            var meter = new StageMeter();
            Render(path, meter, measureStages: true);
            return meter.ToString();
        });
    }

    private static List<long> Render(string path, StageMeter meter, bool measureStages)
    {
        T Stage<T>(string name, Func<T> work) => measureStages ? meter.Measure(name, work) : work();
        var options = Report.ImageOptions;
        var sizes = new List<long>();
        using var original = Stage("decode", () =>
        {
            var image = new MagickImage(path);
            image.AutoOrient();
            image.TransformColorSpace(ColorProfiles.SRGB);
            image.Strip();
            return image;
        });
        foreach (var width in options.Widths.OrderDescending())
        {
            using var sized = Stage("resize", () =>
            {
                var copy = (MagickImage)original.Clone();
                copy.Resize(new MagickGeometry((uint)width, (uint)width) { Greater = true });
                return copy;
            });
            sizes.Add(Stage("avif", () =>
            {
                sized.Quality = (uint)options.AvifQuality;
                // ImageMagick reads heic:speed for AVIF too (an avif:speed define is ignored).
                sized.Settings.SetDefine(MagickFormat.Heic, "speed", (9 - options.AvifEffort).ToString(Report.Invariant));
                return sized.ToByteArray(MagickFormat.Avif).Length;
            }));
            sizes.Add(Stage("webp", () =>
            {
                sized.Quality = (uint)options.WebpQuality;
                sized.Settings.SetDefine(MagickFormat.WebP, "method", options.WebpEffort.ToString(Report.Invariant));
                return sized.ToByteArray(MagickFormat.WebP).Length;
            }));
        }

        return sizes;
    }
}

internal static class Parent
{
  public static async Task<int> RunAsync(int rounds, string part)
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

    Console.WriteLine($"load average before: {LoadAverage()}");
    if (part != "hls")
        await BenchImagesAsync(jpeg, rounds, invariant);
    if (part != "images")
    {
        await BenchHlsAsync(work.FullName, invariant, rounds);
        Console.WriteLine($"load average after HLS: {LoadAverage()}");
    }
}
finally
{
    work.Delete(recursive: true);
}

return 0;

static Task BenchImagesAsync(string jpeg, int rounds, CultureInfo invariant)
{
    var runs = new Dictionary<string, List<ImageRun>>();
    for (var round = 0; round < rounds; round++)
    {
        // Alternating, so a burst of load from the machine's other users hits both engines alike.
        foreach (var engine in round % 2 == 0 ? new[] { "netvips", "magick" } : ["magick", "netvips"])
        {
            var line = Child(["image", engine, jpeg]).Split(' ');
            runs.TryAdd(engine, []);
            runs[engine].Add(new ImageRun(double.Parse(line[0], invariant), double.Parse(line[1], invariant) / 1024, double.Parse(line[2], invariant) / 1024,
                $"{line[5]}: {line[3]} files, {long.Parse(line[4], invariant) / 1024} KiB", line[6]));
        }
    }

    foreach (var (engine, results) in runs.OrderBy(r => r.Key == "magick"))
    {
        Console.WriteLine(string.Create(invariant, $"{engine,-8} median of {rounds}: {Median(results, r => r.Ms),6:0} ms, peak RSS {Median(results, r => r.PeakMb),4:0} MB, above its baseline {Median(results, r => r.PeakMb - r.BaselineMb),4:0} MB ({results[0].Detail})"));
        Console.WriteLine(string.Create(invariant, $"         runs (ms/peak MB/above baseline MB): {string.Join(", ", results.Select(r => $"{r.Ms:0}/{r.PeakMb:0}/{r.PeakMb - r.BaselineMb:0}"))}"));
        Console.WriteLine($"         stages (time summed, peak above the stage's start: the largest of its runs), per round: {string.Join(" | ", results.Select(r => r.Stages))}");
    }

    var netvips = Median(runs["netvips"], r => r.Ms);
    var magick = Median(runs["magick"], r => r.Ms);
    var netvipsMb = Median(runs["netvips"], r => r.PeakMb);
    var magickMb = Median(runs["magick"], r => r.PeakMb);
    var netvipsWorkMb = Median(runs["netvips"], r => r.PeakMb - r.BaselineMb);
    var magickWorkMb = Median(runs["magick"], r => r.PeakMb - r.BaselineMb);
    Console.WriteLine(string.Create(invariant, $"NetVips vs Magick.NET: {magick / netvips:0.00}x faster (goal >= 3); {magickMb / netvipsMb:0.00}x less peak RSS, {magickWorkMb / netvipsWorkMb:0.00}x less above the baseline (goal >= 4)"));
    Console.WriteLine($"load average after images: {LoadAverage()}");
    return Task.CompletedTask;
}

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

static double Median(List<ImageRun> runs, Func<ImageRun, double> value)
{
    var sorted = runs.Select(value).Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static async Task BenchHlsAsync(string dir, CultureInfo invariant, int rounds)
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
    for (var round = 0; round < rounds; round++)
    {
        // Bare: the same ffmpeg ladder command, nothing around it.
        var info = await probe.ProbeAsync(source, SniffedFormat.Mp4, CancellationToken.None);
        var bareDir = Path.Combine(dir, $"bare{round}");
        Directory.CreateDirectory(bareDir);
        var watch = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("ffmpeg", renderer.LadderArguments(source, info, bareDir, withPoster: false), TimeSpan.FromMinutes(10), CancellationToken.None);
        bare.Add(watch.Elapsed.TotalSeconds);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(result.StandardErrorTail);

        // Ours: the probe gate, then the ladder with the poster frame in the same run, as the pipeline runs them.
        watch.Restart();
        var probed = await probe.ProbeAsync(source, SniffedFormat.Mp4, CancellationToken.None);
        await renderer.RenderAsync(source, probed, Path.Combine(dir, $"ours{round}"), CancellationToken.None);
        ours.Add(watch.Elapsed.TotalSeconds);
    }

    var ratios = bare.Zip(ours, (b, o) => o / b).Order().ToList();
    var bareMedian = bare.Order().ElementAt(bare.Count / 2);
    var oursMedian = ours.Order().ElementAt(ours.Count / 2);
    Console.WriteLine(string.Create(invariant, $"HLS 10 s 1080p30 -> 4 rungs ({options.Preset}), {rounds} rounds: bare ffmpeg median {bareMedian:0.00} s, pipeline (probe + ladder + poster) median {oursMedian:0.00} s, ratio of medians {oursMedian / bareMedian:0.000}, median of per-round ratios {ratios[ratios.Count / 2]:0.000} (goal <= 1.1)"));
    Console.WriteLine(string.Create(invariant, $"         runs bare {string.Join('/', bare.Select(b => b.ToString("0.00", invariant)))}, ours {string.Join('/', ours.Select(b => b.ToString("0.00", invariant)))}"));
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

internal sealed record ImageRun(double Ms, double PeakMb, double BaselineMb, string Detail, string Stages);
