using Marketplace.Modules.Inventory.Persistence;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.GetAvailability;

/// <summary>
/// One read for the whole batch (a page of 50 variants is one query). Holds past their expiry are not counted; a variant
/// Inventory does not know (malformed id, not copied yet) is not available.
/// </summary>
internal sealed class GetAvailabilityHandler(InventoryDbContext db, TimeProvider clock) : IQueryHandler<GetAvailabilityQuery, IReadOnlyList<AvailabilityView>>
{
    public async ValueTask<IReadOnlyList<AvailabilityView>> Handle(GetAvailabilityQuery query, CancellationToken cancellationToken)
    {
        var asked = query.VariantIds.Distinct().ToList();
        var ids = asked.Select(InventoryInput.Id).OfType<Guid>().ToList();
        var views = await StockReads.ViewsAsync(db, ids, clock.GetUtcNow(), cancellationToken);
        return asked.Select(id => InventoryInput.Id(id) is { } key && views.TryGetValue(key, out var view)
            ? new AvailabilityView(id, view.AvailableForSale, view.QuantityAvailable)
            : new AvailabilityView(id, false, 0)).ToList();
    }
}
