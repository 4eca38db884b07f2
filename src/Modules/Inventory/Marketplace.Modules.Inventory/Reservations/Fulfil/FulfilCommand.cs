using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Reservations.Commit;
using Marketplace.Modules.Inventory.Stock;
using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.Fulfil;

/// <summary>Allocated units of an order are handed over (they leave on hand), once per reference.</summary>
internal sealed record FulfilCommand(Actor Actor, string OrderId, string Reference, IReadOnlyList<StockLineInput> Lines) : ICommand<AllocationResult>
{
    public static FulfilCommand From(Actor actor, FulfilRequest request) => new(
        actor,
        InventoryInput.Text(request.OrderId),
        InventoryInput.Text(request.Reference),
        request.Lines.Select(l => new StockLineInput(InventoryInput.Id(l.VariantId), l.Quantity)).ToList());
}
