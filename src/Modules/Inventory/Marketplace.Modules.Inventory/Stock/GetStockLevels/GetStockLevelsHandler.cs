using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Variants;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.GetStockLevels;

/// <summary>
/// Levels in the order asked, leaving out other sellers' variants and unknown ids. Variants no event has brought yet
/// are copied from Catalog first, so a seller sees the (zero) level of a product created a moment ago.
/// </summary>
internal sealed class GetStockLevelsHandler(InventoryDbContext db, VariantDirectory directory, TimeProvider clock) : IQueryHandler<GetStockLevelsQuery, IReadOnlyList<StockView>>
{
    public async ValueTask<IReadOnlyList<StockView>> Handle(GetStockLevelsQuery query, CancellationToken cancellationToken)
    {
        if (query.Viewer.UserId is null && !query.Viewer.IsPrivileged)
            return [];
        var ids = query.VariantIds.Select(InventoryInput.Id).OfType<Guid>().Distinct().ToList();
        var views = await StockReads.ViewsAsync(db, ids, clock.GetUtcNow(), cancellationToken);
        if (views.Count < ids.Count)
        {
            await directory.EnsureAsync(ids.Where(id => !views.ContainsKey(id)).ToList(), cancellationToken);
            views = await StockReads.ViewsAsync(db, ids, clock.GetUtcNow(), cancellationToken);
        }

        return ids.Where(id => views.TryGetValue(id, out var view) && query.Viewer.OwnsOrPrivileged(view.Row.SellerId)).Select(id => views[id]).ToList();
    }
}
