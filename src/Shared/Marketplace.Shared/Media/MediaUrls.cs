using Microsoft.Extensions.Options;

namespace Marketplace.Shared.Media;

/// <summary>Where media is delivered from (<c>Media</c> section).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Base URL under which asset ids are served: <c>{DeliveryBaseUrl}/{assetId}</c>.</summary>
    public Uri DeliveryBaseUrl { get; set; } = new("http://localhost:8080/media/");
}

/// <summary>
/// Resolves a <see cref="MediaReference"/> to the URL a client downloads it from, at read time. External URLs are
/// delivered as they are; asset ids under <see cref="MediaOptions.DeliveryBaseUrl"/>. The Media module replaces this
/// registration when it lands (signed or CDN URLs), without changing what modules store or the GraphQL shape.
/// </summary>
public interface IMediaUrls
{
    string DeliveryUrl(MediaReference reference);
}

internal sealed class ConfiguredMediaUrls(IOptions<MediaOptions> options) : IMediaUrls
{
    public string DeliveryUrl(MediaReference reference)
    {
        if (reference.AssetId is not { } assetId)
            return reference.Value;

        var baseUrl = options.Value.DeliveryBaseUrl.AbsoluteUri;
        return baseUrl.EndsWith('/') ? baseUrl + assetId.ToString("D") : $"{baseUrl}/{assetId:D}";
    }
}
