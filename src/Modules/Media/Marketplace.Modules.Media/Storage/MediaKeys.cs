namespace Marketplace.Modules.Media.Storage;

/// <summary>
/// Object keys. Raw keys hold only ids the server chose: a client's file name never reaches storage, a URL or a log.
/// Rendition keys carry a rendition version, so a path never changes content and can be cached as immutable.
/// </summary>
internal static class MediaKeys
{
    public const string RawPrefix = "raw/";

    /// <summary>Served with every rendition: versioned paths never change, so caches may keep them for a year.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public static string Raw(Guid ownerId, Guid uploadId) => $"{RawPrefix}{ownerId:N}/{uploadId:N}";

    public static string ImagePrefix(Guid assetId, int version) => $"img/{assetId:N}/v{version}/";

    public static string Image(Guid assetId, int version, int width, string extension) =>
        $"{ImagePrefix(assetId, version)}w{width}.{extension}";

    public static string VideoPrefix(Guid assetId, int version) => $"hls/{assetId:N}/v{version}/";

    /// <summary>Whether <paramref name="key"/> is a plain relative path: no empty, dot or dot-dot segment, no backslash.</summary>
    public static bool IsSafe(string key) =>
        key.Length is > 0 and <= 1024
        && !key.Contains('\\')
        && !key.Contains('\0')
        && key.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
}
