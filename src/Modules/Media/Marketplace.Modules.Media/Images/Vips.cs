using NetVips;

namespace Marketplace.Modules.Media.Images;

/// <summary>
/// Process-wide libvips set-up for untrusted input: every loader is blocked except the allow-listed ones (Debian's
/// libvips also carries magick, pdf, svg, jxl, fits, matlab, openslide… loaders that must never see an upload), and
/// the operation cache is off (each upload is a different file, caching them only holds memory).
/// </summary>
internal static class Vips
{
    /// <summary>libvips loader classes an upload may reach (and their subclasses: file, buffer, source).</summary>
    private static readonly string[] AllowedLoaderClasses =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif", "VipsForeignLoadWebp", "VipsForeignLoadHeif"];

    /// <summary>The loaders' nicknames as an image records them (<c>vips-loader</c>).</summary>
    public static readonly IReadOnlySet<string> AllowedLoaders = new HashSet<string>(StringComparer.Ordinal)
    {
        "jpegload", "jpegload_buffer", "jpegload_source",
        "pngload", "pngload_buffer", "pngload_source",
        "gifload", "gifload_buffer", "gifload_source",
        "webpload", "webpload_buffer", "webpload_source",
        "heifload", "heifload_buffer", "heifload_source",
    };

    private static readonly Lazy<bool> Initialised = new(Initialise, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialised() => _ = Initialised.Value;

    /// <summary>libvips ≥ 8.15 has <c>keep</c>; older versions silently ignore it and need <c>strip</c>.</summary>
    public static bool HasKeepOption { get; private set; }

    public static string LibraryVersion { get; private set; } = "";

    private static bool Initialise()
    {
        if (!ModuleInitializer.VipsInitialized)
            throw new InvalidOperationException($"libvips could not be loaded (install libvips42): {ModuleInitializer.Exception?.Message}");

        var major = NetVips.NetVips.Version(0);
        var minor = NetVips.NetVips.Version(1);
        LibraryVersion = $"{major}.{minor}.{NetVips.NetVips.Version(2)}";
        HasKeepOption = major > 8 || (major == 8 && minor >= 15);

        NetVips.NetVips.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in AllowedLoaderClasses)
            Operation.Block(loader, false);

        Cache.Max = 0;
        Cache.MaxFiles = 0;
        return true;
    }
}
