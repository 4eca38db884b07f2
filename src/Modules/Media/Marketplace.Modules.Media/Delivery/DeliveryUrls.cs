using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Modules.Media.Delivery;

/// <summary>The signed URLs (and, for video, cookies) of one READY asset, valid until <see cref="ExpiresAt"/>.</summary>
internal sealed record DeliveredAsset(
    IReadOnlyList<(StoredFile File, string Url)> Renditions,
    IReadOnlyList<(StoredFile File, string Url)> Poster,
    string? MasterPlaylistUrl,
    IReadOnlyDictionary<string, string> Cookies,
    string CookiePath,
    DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// The one URL to show when a client picks no rendition: the WebP of the largest width up to
    /// <see cref="MediaDeliveryOptions.DefaultWidth"/> (the smallest when all are wider), of the image or the poster.
    /// </summary>
    public string DefaultUrl { get; init; } = "";
}

/// <summary>
/// Signs delivery URLs when an asset is read: CloudFront canned-policy URLs for each image rendition, and a custom policy
/// over a video's version folder (<c>hls/{asset}/v{n}/*</c>) as a signed master-playlist URL and signed cookies. Expiry
/// times are rounded up to <see cref="MediaDeliveryOptions.ExpiryGranularity"/>, so a URL stays identical for that
/// long: browsers cache it, and its RSA signature (about 0.3 ms each here) is computed once per process and bucket,
/// not once per read — a page of 20 products with 12 renditions each costs no signature when warm.
/// </summary>
internal sealed class DeliveryUrls(CloudFrontSigner signer, MediaDeliveryOptions options, TimeProvider time, IMemoryCache cache)
{
    private readonly string _base = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl.AbsoluteUri : options.BaseUrl.AbsoluteUri + "/";

    public DeliveredAsset For(MediaAsset asset)
    {
        var now = time.GetUtcNow();
        if (asset.Kind == AssetKind.Video && asset.Hls is { } hls)
        {
            var expires = Round(now + options.VideoCookieLifetime);
            var folder = hls.MasterKey[..(hls.MasterKey.LastIndexOf('/') + 1)];
            var signed = cache.GetOrCreate(("hls", folder, expires), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = options.ExpiryGranularity;
                entry.Size = 1;
                var policy = new CloudFrontPolicy(CloudFrontSigner.EncodeUrlPath(_base + folder) + "*", expires);
                return (Url: signer.SignUrl(_base + hls.MasterKey, policy), Cookies: signer.SignCookies(policy));
            });
            var posterExpires = Round(now + options.ImageUrlLifetime);
            var poster = asset.Poster.Select(f => (f, Image(f.Key, posterExpires))).ToList();
            return new DeliveredAsset([], poster, signed.Url, signed.Cookies, options.BaseUrl.AbsolutePath.TrimEnd('/') + "/" + folder, expires < posterExpires ? expires : posterExpires)
            {
                DefaultUrl = DefaultOf(poster),
            };
        }

        var imageExpires = Round(now + options.ImageUrlLifetime);
        var renditions = asset.Renditions.Select(f => (f, Image(f.Key, imageExpires))).ToList();
        return new DeliveredAsset(renditions, [], null, new Dictionary<string, string>(), "", imageExpires) { DefaultUrl = DefaultOf(renditions) };
    }

    private string DefaultOf(List<(StoredFile File, string Url)> files)
    {
        var webp = files.Where(f => f.File.Format == "WEBP").OrderBy(f => f.File.Width).ToList();
        return (webp.LastOrDefault(f => f.File.Width <= options.DefaultWidth).Url ?? webp.FirstOrDefault().Url) ?? "";
    }

    /// <summary>The URL a client downloads <paramref name="key"/> from (unsigned; the base of every signed URL).</summary>
    public string UrlOf(string key) => _base + key;

    private string Image(string key, DateTimeOffset expires) =>
        cache.GetOrCreate(("img", key, expires), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.ExpiryGranularity;
            entry.Size = 1;
            return signer.SignUrl(_base + key, expires);
        })!;

    private DateTimeOffset Round(DateTimeOffset instant)
    {
        var step = options.ExpiryGranularity.Ticks;
        if (step <= TimeSpan.TicksPerSecond)
            return DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling(instant.ToUnixTimeMilliseconds() / 1000.0));
        var ticks = (instant.UtcTicks + step - 1) / step * step;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Whether <paramref name="key"/> is a rendition path delivery serves (never the raw area, which has no URL).</summary>
    public static bool IsDeliverable(string key) => MediaKeys.IsSafe(key) && (key.StartsWith("img/", StringComparison.Ordinal) || key.StartsWith("hls/", StringComparison.Ordinal));
}
