using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Reservations;

/// <summary>One order's allocation of one variant, as stored.</summary>
internal sealed record AllocationRow(Guid VariantId, int Quantity, int Fulfilled, int Cancelled, int Returned)
{
    /// <summary>Still allocated: neither handed over nor cancelled.</summary>
    public int Open => Quantity - Fulfilled - Cancelled;

    /// <summary>Handed over and not yet back.</summary>
    public int Returnable => Fulfilled - Returned;
}

/// <summary>Reading an order's allocations and deciding how many units of each variant an operation moves.</summary>
internal static class OrderAllocations
{
    /// <summary>The order's allocations, locked for the transaction (the order's advisory lock is held already).</summary>
    public static async Task<Dictionary<Guid, AllocationRow>> LockAsync(InventoryDbContext db, string orderId, CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            "SELECT variant_id, quantity, fulfilled, cancelled, returned FROM inventory.allocations WHERE order_id = $1 FOR UPDATE",
            p => p.Add(new Npgsql.NpgsqlParameter { Value = orderId }),
            r => new AllocationRow(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)),
            cancellationToken)).ToDictionary(a => a.VariantId);

    /// <summary>
    /// Units per variant, in the one lock order: the lines given (the same variant on several lines summed), each
    /// within what <paramref name="room"/> leaves, or everything <paramref name="room"/> leaves when no line is given.
    /// </summary>
    public static List<StockLineResult> Take(string orderId, IReadOnlyDictionary<Guid, AllocationRow> allocations, IReadOnlyList<StockLineInput> lines, Func<AllocationRow, int> room)
    {
        if (allocations.Count == 0)
            throw ContractError.FailedPrecondition(InventoryErrorCodes.AllocationNotFound, $"Nothing is allocated to order {orderId}.");
        if (lines.Count == 0)
            return allocations.Values.Where(a => room(a) > 0).OrderBy(a => a.VariantId).Select(a => new StockLineResult(a.VariantId, room(a))).ToList();

        var taken = new List<StockLineResult>();
        foreach (var group in lines.GroupBy(l => l.VariantId!.Value).OrderBy(g => g.Key))
        {
            var quantity = group.Sum(l => l.Quantity);
            if (!allocations.TryGetValue(group.Key, out var allocation))
                throw ContractError.FailedPrecondition(InventoryErrorCodes.AllocationNotFound, $"Nothing of variant {group.Key} is allocated to order {orderId}.");
            if (quantity > room(allocation))
                throw ContractError.FailedPrecondition(InventoryErrorCodes.ExceedsAllocation, $"Order {orderId} has {room(allocation)} of variant {group.Key} for this, not {quantity}.");
            taken.Add(new StockLineResult(group.Key, quantity));
        }

        return taken;
    }

    /// <summary>The request as text for the idempotency hash: the same order and lines give the same text.</summary>
    public static string Fingerprint(string orderId, string extra, IReadOnlyList<StockLineInput> lines) =>
        $"{orderId}|{extra}|{string.Join(',', lines.GroupBy(l => l.VariantId).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Sum(l => l.Quantity)}"))}";
}
