using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Modules.Sellers.Contracts.Events;
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

/// <summary>
/// A category renamed, re-slugged or moved → the rows of its subtree's products (they copy the path and the ancestors'
/// names into the text index). The category filter itself reads the live tree and never depended on this.
/// </summary>
internal sealed class ProjectCategoryChanges(SearchProjection projection, TimeProvider clock) : IEventHandler<CategoryChanged>
{
    public async Task HandleAsync(CategoryChanged integrationEvent, CancellationToken cancellationToken)
    {
        var rows = await projection.RefreshCategoryAsync(integrationEvent.Path, cancellationToken);
        SearchMetrics.RowsRebuilt.Add(rows, new KeyValuePair<string, object?>("table", SearchProjection.Table));
        SearchMetrics.RecordLag("category_changed", clock);
    }
}

/// <summary>
/// The Sellers module's store events → Catalog's store copy, then every search row of that store (a store that
/// moves, closes, is suspended or renamed updates all its products). A state older than the copy is ignored.
/// </summary>
internal sealed class CopyStoreChanges(SearchProjection projection, TimeProvider clock)
    : IEventHandler<StoreCreated>, IEventHandler<StoreUpdated>
{
    /// <summary>The version Sellers gives a store at creation.</summary>
    public const long CreatedVersion = 1;

    public Task HandleAsync(StoreCreated e, CancellationToken cancellationToken) =>
        ApplyAsync(new StoreState(e.StoreId, e.SellerId, e.Name, e.Slug, e.Latitude, e.Longitude, e.ServiceRadiusKm, e.Status, CreatedVersion), "store_created", cancellationToken);

    public Task HandleAsync(StoreUpdated e, CancellationToken cancellationToken) =>
        ApplyAsync(new StoreState(e.StoreId, e.SellerId, e.Name, e.Slug, e.Latitude, e.Longitude, e.ServiceRadiusKm, e.Status, e.Version), "store_updated", cancellationToken);

    private async Task ApplyAsync(StoreState store, string eventName, CancellationToken cancellationToken)
    {
        if (await projection.ApplyStoreAsync(store, cancellationToken))
        {
            var rows = await projection.RefreshStoreAsync(store.Id, cancellationToken);
            SearchMetrics.RowsRebuilt.Add(rows, new KeyValuePair<string, object?>("table", SearchProjection.Table));
        }

        SearchMetrics.RecordLag(eventName, clock);
    }
}

/// <summary>The steps of a full rebuild (<see cref="SearchReindexer"/>), each one of Catalog's own work events.</summary>
internal sealed class RunSearchReindex(SearchReindexer reindexer)
    : IEventHandler<SearchReindexRequested>, IEventHandler<SearchReindexBatchPlanned>, IEventHandler<SearchReindexBuilt>
{
    public Task HandleAsync(SearchReindexRequested integrationEvent, CancellationToken cancellationToken) =>
        reindexer.StartAsync(integrationEvent, cancellationToken);

    public Task HandleAsync(SearchReindexBatchPlanned integrationEvent, CancellationToken cancellationToken) =>
        reindexer.RunBatchAsync(integrationEvent, cancellationToken);

    public Task HandleAsync(SearchReindexBuilt integrationEvent, CancellationToken cancellationToken) =>
        reindexer.SwapAsync(integrationEvent, cancellationToken);
}
