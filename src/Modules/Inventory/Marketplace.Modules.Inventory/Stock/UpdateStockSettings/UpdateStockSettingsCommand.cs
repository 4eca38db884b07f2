using Marketplace.Modules.Inventory.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.UpdateStockSettings;

/// <summary>The seller changes how a variant is stocked; null means "unchanged".</summary>
internal sealed record UpdateStockSettingsCommand(
    Guid SellerId,
    Guid VariantId,
    int? LowStockThreshold,
    bool ClearLowStockThreshold,
    int? SafetyStock,
    string? Policy,
    bool? Tracked) : ICommand<StockView>
{
    public static UpdateStockSettingsCommand From(Guid sellerId, UpdateStockSettingsRequest request) => new(
        sellerId,
        InventoryInput.VariantId(request.VariantId),
        request.HasLowStockThreshold ? request.LowStockThreshold : null,
        request.RemoveLowStockThreshold,
        request.HasSafetyStock ? request.SafetyStock : null,
        request.HasPolicy ? InventoryInput.Upper(request.Policy) : null,
        request.HasTracked ? request.Tracked : null);
}
