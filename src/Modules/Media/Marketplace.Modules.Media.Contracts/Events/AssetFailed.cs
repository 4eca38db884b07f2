using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Contracts.Events;

/// <summary>
/// An upload was refused or could not be processed: <see cref="Code"/> is a <see cref="MediaErrorCodes"/> constant
/// (CORRUPT, TOO_MANY_PIXELS, NO_VIDEO_STREAM, RENDER_FAILED…). Nothing but the asset row is kept; the raw object is deleted.
/// </summary>
[IntegrationEvent("marketplace.media.asset_failed.v1")]
public sealed record AssetFailed(
    Guid AssetId,
    Guid OwnerId,
    Guid StoreId,
    Guid? ProductId,
    string Purpose,
    string Code,
    int Version,
    DateTimeOffset FailedAt) : IIntegrationEvent;
