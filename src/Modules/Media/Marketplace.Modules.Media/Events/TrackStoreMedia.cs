using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Lifecycle;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Media.Events;

/// <summary>The Sellers module's <c>store_media_changed.v1</c> → the store's references (an older set is ignored).</summary>
internal sealed class TrackStoreMedia(AssetReferences references) : IEventHandler<StoreMediaChanged>
{
    public Task HandleAsync(StoreMediaChanged integrationEvent, CancellationToken cancellationToken) =>
        references.ReplaceAsync(HolderKind.Store, integrationEvent.StoreId, integrationEvent.Version, integrationEvent.AssetIds, cancellationToken);
}
