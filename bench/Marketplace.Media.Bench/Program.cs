using System.Diagnostics;
using System.Globalization;
using ImageMagick;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Modules.Media.Video;
using NetVips;

// Usage: dotnet Marketplace.Media.Bench.dll [--rounds N] [--only images|hls] [--avif-effort E[,E...]] [--quality]
//        the whole run (images, then HLS; 5 rounds each by default, medians), results on stdout. --avif-effort runs the
//        image comparison once per effort (both engines at that effort; default: the module's setting); --quality adds,
//        per effort, each engine's AVIF sizes and SSIM/PSNR against its own resized image (decoded with libvips,
//        compared by ffmpeg's ssim and psnr filters).
//        dotnet Marketplace.Media.Bench.dll image <engine> <jpeg> <effort> [dump dir]   one engine in this process (a
//        child of the run); with a dump dir it also writes, per width, the resized image (PNG) and its AVIF there
//        dotnet Marketplace.Media.Bench.dll --trim-lever [--rounds N]   NetVips only: the renderer's loop with and
//        without glibc's malloc_trim after each width (a memory lever, not a comparison between engines)
// Each engine runs in a process of its own: peak RSS is then that engine's alone, and the two native stacks (libvips'
// GLib and Magick.NET's own) never meet in one process (they clash over GLib type registration). Environment levers
// (VIPS_CONCURRENCY, MAGICK_THREAD_LIMIT, MALLOC_ARENA_MAX) reach both children alike through the parent's environment.
return args switch
{
    ["image", "magick", var input, var effort, .. var dump] => MagickEngine.Run(input, Report.WithEffort(effort), dump.FirstOrDefault()),
    ["loop", var input, var effort, var trim] => VipsEngine.RunLoop(input, Report.WithEffort(effort), trim == "trim"),
    ["image", "netvips", var input, var effort, .. var dump] => VipsEngine.Run(input, Report.WithEffort(effort), dump.FirstOrDefault()),
    _ => await Parent.RunAsync(ParentArgs.Parse(args)),
};

internal sealed record ParentArgs(int Rounds, string Part, IReadOnlyList<int> Efforts, bool Quality, bool TrimLever)
{
    public static ParentArgs Parse(string[] args)
    {
        var rounds = 5;
        var part = "all";
        IReadOnlyList<int> efforts = [new MediaImageOptions().AvifEffort];
        var quality = false;
        var trimLever = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--only": part = args[++i]; break;
                case "--avif-effort": efforts = args[++i].Split(',').Select(e => int.Parse(e, CultureInfo.InvariantCulture)).ToList(); break;
                case "--quality": quality = true; break;
                case "--trim-lever": trimLever = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        return new ParentArgs(rounds, part, efforts, quality, trimLever);
    }
}

internal static class Report
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    public static MediaImageOptions ImageOptions { get; private set; } = new();

    /// <summary>The module's image settings with the AVIF effort under test (the same for both engines).</summary>
    public static MediaImageOptions WithEffort(string effort)
    {
        ImageOptions = new MediaImageOptions { AvifEffort = int.Parse(effort, Invariant) };
        return ImageOptions;
    }

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
    public static int Run(string path, MediaImageOptions options, string? dump)
    {
        Vips.EnsureInitialised();
        var baseline = Report.BaselineKb();
        var watch = Stopwatch.StartNew();
        var info = new ImageInspector(options).Inspect(path, "image/jpeg", long.MaxValue);
        var rendered = new ImageRenderer(options).Render(path, info);
        watch.Stop();
        if (dump is not null)
            Dump(path, options, rendered, dump);
        return Report.Print(watch, baseline, rendered.Renditions.Select(r => (long)r.Bytes.Length).ToList(), $"libvips-{Vips.LibraryVersion}", () => Stages(path));
    }

    /// <summary>
    /// The renderer's loop (one shrink-on-load decode to the largest width kept in memory, then per width, largest first:
    /// resize, AVIF, WebP, release) written out here so a lever can go between the widths: glibc's <c>malloc_trim</c>,
    /// which hands freed heap back to the kernel. Prints the usual line plus the high-water mark after the first width.
    /// </summary>
    public static int RunLoop(string path, MediaImageOptions options, bool trim)
    {
        Vips.EnsureInitialised();
        var baseline = Report.BaselineKb();
        var watch = Stopwatch.StartNew();
        var sizes = new List<long>();
        long afterFirstKb = 0;
        using (var largest = Image.Thumbnail(path, options.Widths.Max(), height: options.Widths.Max(), size: Enums.Size.Down).CopyMemory())
        {
            foreach (var width in options.Widths.OrderDescending())
            {
                using (var sized = largest.ThumbnailImage(width, height: width, size: Enums.Size.Down).CopyMemory())
                {
                    sizes.Add(sized.WriteToBuffer(".avif", new VOption { { "Q", options.AvifQuality }, { "effort", options.AvifEffort }, { "compression", Enums.ForeignHeifCompression.Av1 }, { "strip", true } }).Length);
                    sizes.Add(sized.WriteToBuffer(".webp", new VOption { { "Q", options.WebpQuality }, { "effort", options.WebpEffort }, { "strip", true } }).Length);
                }

                if (trim)
                    _ = MallocTrim(0);
                if (afterFirstKb == 0)
                    afterFirstKb = Report.StatusKb("VmHWM:");
            }
        }

        watch.Stop();
        return Report.Print(watch, baseline, sizes, $"libvips-{Vips.LibraryVersion}", () => string.Create(Report.Invariant, $"afterFirstWidth={afterFirstKb / 1024}MB"));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>
    /// After the measured run: the renderer's AVIFs and, as their reference, the same resizes the renderer makes (one
    /// shrink-on-load decode to the largest width, the smaller ones from it) saved losslessly.
    /// </summary>
    private static void Dump(string path, MediaImageOptions options, RenderedImage rendered, string dir)
    {
        using var largest = Image.Thumbnail(path, options.Widths.Max(), height: options.Widths.Max(), size: Enums.Size.Down).CopyMemory();
        foreach (var avif in rendered.Renditions.Where(r => r.Extension == "avif"))
        {
            using var sized = largest.ThumbnailImage(avif.Width, height: avif.Width, size: Enums.Size.Down);
            var width = Math.Max(avif.Width, avif.Height);
            sized.Pngsave(Path.Combine(dir, $"netvips-{width}.png"), compression: 1);
            File.WriteAllBytes(Path.Combine(dir, $"netvips-{width}.avif"), avif.Bytes);
        }
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
    public static int Run(string path, MediaImageOptions options, string? dump)
    {
        MagickNET.Initialize();
        using (var warm = new MagickImage(MagickColors.White, 1, 1))
            _ = warm.ToByteArray(MagickFormat.Png); // loads the native library and its coders before the baseline
        var baseline = Report.BaselineKb();
        var watch = Stopwatch.StartNew();
        var sizes = Render(path, options, new StageMeter(), measureStages: false, dump: null);
        watch.Stop();
        if (dump is not null)
            Render(path, options, new StageMeter(), measureStages: false, dump);
        return Report.Print(watch, baseline, sizes, "Magick.NET-" + typeof(MagickImage).Assembly.GetName().Version, () =>
        {
            var meter = new StageMeter();
            Render(path, options, meter, measureStages: true, dump: null);
            return meter.ToString();
        });
    }

    private static List<long> Render(string path, MediaImageOptions options, StageMeter meter, bool measureStages, string? dump)
    {
        T Stage<T>(string name, Func<T> work) => measureStages ? meter.Measure(name, work) : work();
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
            if (dump is not null)
                sized.Write(Path.Combine(dump, $"magick-{Math.Max(sized.Width, sized.Height)}.png"), MagickFormat.Png24);
            sizes.Add(Stage("avif", () =>
            {
                sized.Quality = (uint)options.AvifQuality;
                // ImageMagick reads heic:speed for AVIF too (an avif:speed define is ignored).
                sized.Settings.SetDefine(MagickFormat.Heic, "speed", (9 - options.AvifEffort).ToString(Report.Invariant));
                var avif = sized.ToByteArray(MagickFormat.Avif);
                if (dump is not null)
                    File.WriteAllBytes(Path.Combine(dump, $"magick-{Math.Max(sized.Width, sized.Height)}.avif"), avif);
                return avif.Length;
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
  public static async Task<int> RunAsync(ParentArgs parsed)
  {
var (rounds, part) = (parsed.Rounds, parsed.Part);
var invariant = Report.Invariant;
var imageOptions = Report.ImageOptions;
var work = Directory.CreateTempSubdirectory("media-bench-");
try
{
    var jpeg = Path.Combine(work.FullName, "12mp.jpg");
    using (var source = Pattern(4032, 3024))
        source.Jpegsave(jpeg, q: 90);
    Console.WriteLine($"{Environment.ProcessorCount} cores");
    Console.WriteLine($"input: 4032x3024 JPEG ({new FileInfo(jpeg).Length / 1024} KiB); outputs: widths {string.Join('/', imageOptions.Widths)} x AVIF q{imageOptions.AvifQuality} effort {string.Join('/', parsed.Efforts)} + WebP q{imageOptions.WebpQuality} effort {imageOptions.WebpEffort}");

    Console.WriteLine($"load average before: {LoadAverage()}");
    Console.WriteLine($"environment: VIPS_CONCURRENCY={Environment.GetEnvironmentVariable("VIPS_CONCURRENCY") ?? "-"} MAGICK_THREAD_LIMIT={Environment.GetEnvironmentVariable("MAGICK_THREAD_LIMIT") ?? "-"} MALLOC_ARENA_MAX={Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "-"}");
    if (parsed.TrimLever)
    {
        TrimLever(jpeg, rounds, parsed.Efforts[0], invariant);
        return 0;
    }

    if (part != "hls")
    {
        foreach (var effort in parsed.Efforts)
        {
            Console.WriteLine($"== AVIF effort {effort} (libaom speed {9 - effort}), both engines");
            await BenchImagesAsync(jpeg, rounds, effort, invariant);
            if (parsed.Quality)
                await QualityAsync(jpeg, effort, work.FullName, invariant);
        }
    }
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

static Task BenchImagesAsync(string jpeg, int rounds, int effort, CultureInfo invariant)
{
    var runs = new Dictionary<string, List<ImageRun>>();
    for (var round = 0; round < rounds; round++)
    {
        // Alternating, so a burst of load from the machine's other users hits both engines alike.
        foreach (var engine in round % 2 == 0 ? new[] { "netvips", "magick" } : ["magick", "netvips"])
        {
            var line = Child(["image", engine, jpeg, effort.ToString(invariant)]).Split(' ');
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

// Each engine's AVIFs at this effort against its own resized image (so the measure is the encoder's loss, not the
// difference between the two resamplers): file size, and ffmpeg's SSIM (all planes) and PSNR (average) per width.
static async Task QualityAsync(string jpeg, int effort, string workDir, CultureInfo invariant)
{
    var dir = Directory.CreateDirectory(Path.Combine(workDir, $"quality-{effort}")).FullName;
    foreach (var engine in new[] { "netvips", "magick" })
    {
        Child(["image", engine, jpeg, effort.ToString(invariant), dir]);
        var rows = new List<string>();
        var totalKiB = 0L;
        foreach (var width in Report.ImageOptions.Widths.Order())
        {
            var avif = Path.Combine(dir, $"{engine}-{width}.avif");
            var decoded = Path.Combine(dir, $"{engine}-{width}-decoded.png");
            using (var image = NetVips.Image.NewFromFile(avif))
                image.Pngsave(decoded, compression: 1);
            var compared = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-hide_banner", "-i", Path.Combine(dir, $"{engine}-{width}.png"), "-i", decoded,
                "-filter_complex", "[0:v]split[a0][a1];[1:v]split[b0][b1];[a0][b0]ssim;[a1][b1]psnr", "-f", "null", "-"], TimeSpan.FromMinutes(2), CancellationToken.None);
            var ssim = Between(compared.StandardErrorTail, "All:", " ");
            var psnr = Between(compared.StandardErrorTail, "average:", " ");
            var bytes = new FileInfo(avif).Length;
            totalKiB += bytes;
            rows.Add(string.Create(invariant, $"{width}: {bytes / 1024.0:0.0} KiB SSIM {ssim} PSNR {psnr}"));
        }

        Console.WriteLine(string.Create(invariant, $"quality {engine,-8} effort {effort}: AVIF total {totalKiB / 1024.0:0.0} KiB; {string.Join("; ", rows)}"));
    }

    static string Between(string text, string start, string end)
    {
        var from = text.LastIndexOf(start, StringComparison.Ordinal);
        if (from < 0)
            return "?";
        from += start.Length;
        var to = text.IndexOfAny([end[0], '\n'], from);
        return text[from..(to < 0 ? text.Length : to)].Trim();
    }
}

static void TrimLever(string jpeg, int rounds, int effort, CultureInfo invariant)
{
    var runs = new Dictionary<string, List<string[]>> { ["no-trim"] = [], ["trim"] = [] };
    for (var round = 0; round < rounds; round++)
    {
        foreach (var mode in round % 2 == 0 ? new[] { "no-trim", "trim" } : ["trim", "no-trim"])
            runs[mode].Add(Child(["loop", jpeg, effort.ToString(invariant), mode]).Split(' '));
    }

    foreach (var (mode, lines) in runs)
    {
        double Med(Func<string[], double> f) { var v = lines.Select(f).Order().ToList(); return v[v.Count / 2]; }
        Console.WriteLine(string.Create(invariant, $"netvips loop, {mode,-7} median of {rounds}: {Med(l => double.Parse(l[0], invariant)),6:0} ms, peak RSS {Med(l => double.Parse(l[1], invariant) / 1024),4:0} MB, above its baseline {Med(l => (double.Parse(l[1], invariant) - double.Parse(l[2], invariant)) / 1024),4:0} MB; runs: {string.Join(", ", lines.Select(l => $"{l[0]}/{long.Parse(l[1], invariant) / 1024}/{(long.Parse(l[1], invariant) - long.Parse(l[2], invariant)) / 1024} {l[6]}"))}"));
    }

    Console.WriteLine($"load average after: {LoadAverage()}");
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
