using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Catalog.Events;

/// <summary>
/// Catalog's own product events → rebuild the product's search row. The event only names the product: the row is
/// rebuilt from the product's current state, so duplicates and late arrivals are harmless (see <see cref="SearchProjection"/>).
/// </summary>
internal sealed class ProjectProductChanges(SearchProjection projection, TimeProvider clock)
    : IEventHandler<ProductPublished>, IEventHandler<ProductUpdated>, IEventHandler<ProductArchived>, IEventHandler<VariantPriceChanged>
{
    public Task HandleAsync(ProductPublished integrationEvent, CancellationToken cancellationToken) =>
        RefreshAsync(integrationEvent.ProductId, integrationEvent.StoreId, "product_published", cancellationToken);

    public Task HandleAsync(ProductUpdated integrationEvent, CancellationToken cancellationToken) =>
        RefreshAsync(integrationEvent.ProductId, integrationEvent.StoreId, "product_updated", cancellationToken);

    public Task HandleAsync(ProductArchived integrationEvent, CancellationToken cancellationToken) =>
        RefreshAsync(integrationEvent.ProductId, integrationEvent.StoreId, "product_archived", cancellationToken);

    public Task HandleAsync(VariantPriceChanged integrationEvent, CancellationToken cancellationToken) =>
        RefreshAsync(integrationEvent.ProductId, integrationEvent.StoreId, "variant_price_changed", cancellationToken);

    private async Task RefreshAsync(Guid productId, Guid storeId, string eventName, CancellationToken cancellationToken)
    {
        var rows = await projection.RefreshProductsAsync([productId], [storeId], cancellationToken);
        SearchMetrics.RowsRebuilt.Add(rows, new KeyValuePair<string, object?>("table", SearchProjection.Table));
        SearchMetrics.RecordLag(eventName, clock);
    }
}
