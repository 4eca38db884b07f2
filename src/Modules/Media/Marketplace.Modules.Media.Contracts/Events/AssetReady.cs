using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Contracts.Events;

/// <summary>
/// An upload was processed: its renditions (images: six widths in AVIF and WebP; video: an HLS ladder and a poster) are
/// stored under <see cref="Version"/> and can be delivered. A new object version of the same asset publishes again with
/// a higher version.
/// </summary>
[IntegrationEvent("marketplace.media.asset_ready.v1")]
public sealed record AssetReady(
    Guid AssetId,
    Guid OwnerId,
    Guid StoreId,
    Guid? ProductId,
    string Purpose,
    string Kind,
    int Version,
    int Width,
    int Height,
    DateTimeOffset ReadyAt) : IIntegrationEvent;
