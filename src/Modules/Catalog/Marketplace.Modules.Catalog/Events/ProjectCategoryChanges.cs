using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Catalog.Events;

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
