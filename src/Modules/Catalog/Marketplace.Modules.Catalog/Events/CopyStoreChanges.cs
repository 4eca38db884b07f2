using Marketplace.Modules.Catalog.Search;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Catalog.Events;

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
