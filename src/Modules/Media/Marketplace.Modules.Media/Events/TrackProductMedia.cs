using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Lifecycle;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Media.Events;

/// <summary>The Catalog module's <c>product_media_changed.v1</c> → the product's references (an older set is ignored).</summary>
internal sealed class TrackProductMedia(AssetReferences references) : IEventHandler<ProductMediaChanged>
{
    public Task HandleAsync(ProductMediaChanged integrationEvent, CancellationToken cancellationToken) =>
        references.ReplaceAsync(HolderKind.Product, integrationEvent.ProductId, integrationEvent.Version, integrationEvent.AssetIds, cancellationToken);
}
