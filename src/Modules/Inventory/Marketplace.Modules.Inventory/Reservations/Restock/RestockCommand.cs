using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Reservations.Commit;
using Marketplace.Modules.Inventory.Stock;
using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.Restock;

/// <summary>
/// Units of an order come back, once per reference: <see cref="RestockSource.Unfulfilled"/> (cancelled before hand-over)
/// or <see cref="RestockSource.Fulfilled"/> (returned).
/// </summary>
internal sealed record RestockCommand(Actor Actor, string OrderId, string Reference, RestockSource Source, IReadOnlyList<StockLineInput> Lines) : ICommand<AllocationResult>
{
    public static RestockCommand From(Actor actor, RestockRequest request) => new(
        actor,
        InventoryInput.Text(request.OrderId),
        InventoryInput.Text(request.Reference),
        request.Source,
        request.Lines.Select(l => new StockLineInput(InventoryInput.Id(l.VariantId), l.Quantity)).ToList());
}
