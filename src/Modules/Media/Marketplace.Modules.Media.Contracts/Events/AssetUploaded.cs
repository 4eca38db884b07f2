using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Contracts.Events;

/// <summary>
/// The Media module's own work item: an object version was uploaded and checked (size, magic bytes) and waits for
/// processing as <see cref="Version"/>. Published with the state change (outbox) and consumed by Media itself, which
/// queues the render job; so a completion is never lost between the database and the job store. Other modules have no
/// reason to consume it.
/// </summary>
[IntegrationEvent("marketplace.media.asset_uploaded.v1")]
public sealed record AssetUploaded(
    Guid AssetId,
    int Version,
    DateTimeOffset UploadedAt) : IIntegrationEvent;
