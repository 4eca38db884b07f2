using Marketplace.Modules.Inventory.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.AdjustOnHand;

/// <summary>The seller received stock (reason RECEIVED) or corrects on hand by <see cref="Delta"/>.</summary>
internal sealed record AdjustOnHandCommand(Guid SellerId, Guid VariantId, int Delta, string Reason, string Note) : ICommand<StockView>
{
    public static AdjustOnHandCommand From(Guid sellerId, AdjustOnHandRequest request) => new(
        sellerId,
        InventoryInput.VariantId(request.VariantId),
        request.Delta,
        InventoryInput.Upper(request.Reason),
        InventoryInput.Text(request.Note));
}
