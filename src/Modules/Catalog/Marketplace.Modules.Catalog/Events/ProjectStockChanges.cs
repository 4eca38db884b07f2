using Marketplace.Modules.Catalog.Search;
using Marketplace.Modules.Inventory.Contracts.Events;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Catalog.Events;

/// <summary>
/// Inventory's <c>stock_changed.v1</c> → Catalog's copy of the variant's availability, then its product's
/// <c>in_stock</c> in the search projection (<c>productsNear(inStockOnly: true)</c>). An older state is ignored.
/// </summary>
internal sealed class ProjectStockChanges(SearchProjection projection, TimeProvider clock) : IEventHandler<StockChanged>
{
    public async Task HandleAsync(StockChanged e, CancellationToken cancellationToken)
    {
        await projection.ApplyStockAsync(e.VariantId, e.ProductId, e.AvailableForSale, e.Version, cancellationToken);
        SearchMetrics.RecordLag("stock_changed", clock);
    }
}
