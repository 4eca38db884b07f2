using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Reservations.Commit;
using Marketplace.Modules.Inventory.Reservations.Reserve;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Modules.Inventory.Stock.GetAvailability;
using Marketplace.Shared.Contracts;
using DomainMovement = Marketplace.Modules.Inventory.Domain.StockMovement;

namespace Marketplace.Modules.Inventory.GrpcServices;

/// <summary>What the use cases return, as the contract's messages.</summary>
internal static class InventoryMapping
{
    public static StockLevel ToContract(this StockView view)
    {
        var row = view.Row;
        var level = new StockLevel
        {
            VariantId = row.VariantId.ToString(),
            ProductId = row.ProductId.ToString(),
            StoreId = row.StoreId.ToString(),
            OnHand = row.OnHand,
            Available = view.Available,
            Reserved = view.Reserved,
            Allocated = row.Allocated,
            SafetyStock = row.SafetyStock,
            Tracked = row.Tracked,
            Policy = row.Policy,
            AvailableForSale = view.AvailableForSale,
            UpdatedAt = Timestamps.Format(row.UpdatedAt),
        };
        if (row.LowStockThreshold is { } threshold)
            level.LowStockThreshold = threshold;
        return level;
    }

    public static VariantAvailability ToContract(this AvailabilityView view)
    {
        var availability = new VariantAvailability { VariantId = view.VariantId, AvailableForSale = view.AvailableForSale };
        if (view.QuantityAvailable is { } quantity)
            availability.QuantityAvailable = quantity;
        return availability;
    }

    public static Contracts.V1.StockMovement ToContract(this DomainMovement movement) => new()
    {
        Id = movement.Id.ToString(),
        VariantId = movement.VariantId.ToString(),
        Kind = movement.Kind,
        Quantity = movement.Quantity,
        OnHandDelta = movement.OnHandDelta,
        ReservedDelta = movement.ReservedDelta,
        AllocatedDelta = movement.AllocatedDelta,
        Reason = movement.Reason ?? "",
        Note = movement.Note ?? "",
        Reference = movement.Reference ?? "",
        ActorKind = movement.ActorKind,
        ActorId = movement.ActorId ?? "",
        OccurredAt = Timestamps.Format(movement.OccurredAt),
        Key = movement.Id.ToString(),
    };

    public static ReserveResponse ToContract(this ReserveResult result) => new()
    {
        Reserved = result.Reserved,
        ExpiresAt = result.ExpiresAt is { } expires ? Timestamps.Format(expires) : "",
        Lines = { result.Lines.Select(l => new Contracts.V1.ReserveLineResult { VariantId = l.VariantId.ToString(), Quantity = l.Quantity, Status = l.Status, Available = l.Available }) },
    };

    public static IEnumerable<Contracts.V1.StockLine> ToContract(this IEnumerable<StockLineResult> lines) =>
        lines.Select(l => new Contracts.V1.StockLine { VariantId = l.VariantId.ToString(), Quantity = l.Quantity });

    public static CommitResponse ToCommitResponse(this AllocationResult result) => new() { OrderId = result.OrderId, Lines = { result.Lines.ToContract() } };

    public static FulfilResponse ToFulfilResponse(this AllocationResult result) => new() { OrderId = result.OrderId, Lines = { result.Lines.ToContract() } };

    public static RestockResponse ToRestockResponse(this AllocationResult result) => new() { OrderId = result.OrderId, Lines = { result.Lines.ToContract() } };
}
