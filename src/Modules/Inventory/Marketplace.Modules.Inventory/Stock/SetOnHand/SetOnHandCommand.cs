using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Domain;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.SetOnHand;

/// <summary>The seller counted the stock: on hand becomes <see cref="OnHand"/> (only if it is still <see cref="ExpectedOnHand"/>, when given).</summary>
internal sealed record SetOnHandCommand(Guid SellerId, Guid VariantId, int OnHand, int? ExpectedOnHand, string Reason, string Note) : ICommand<StockView>
{
    public static SetOnHandCommand From(Guid sellerId, SetOnHandRequest request) => new(
        sellerId,
        InventoryInput.VariantId(request.VariantId),
        request.OnHand,
        request.HasExpectedOnHand ? request.ExpectedOnHand : null,
        InventoryInput.Upper(request.Reason) is { Length: > 0 } reason ? reason : AdjustReason.Correction,
        InventoryInput.Text(request.Note));
}
