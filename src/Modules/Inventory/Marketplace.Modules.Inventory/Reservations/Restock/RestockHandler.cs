using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Reservations.Commit;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Mediator;
using static Marketplace.Shared.Persistence.ModuleSql;

namespace Marketplace.Modules.Inventory.Reservations.Restock;

/// <summary>
/// Under the order's lock, claims the reference, checks each line against what can come back, and per variant in the one
/// lock order brings the units back (RESTOCKED movements): cancelled units leave allocated, returned units return to on
/// hand. Either way they are available again.
/// </summary>
internal sealed class RestockHandler(InventoryDbContext db, StockLedger ledger, OperationKeys operations, TimeProvider clock) : ICommandHandler<RestockCommand, AllocationResult>
{
    public async ValueTask<AllocationResult> Handle(RestockCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var returned = command.Source == RestockSource.Fulfilled;
        await db.BatchAsync([Holds.Lock("order", command.OrderId)], -1, _ => 0, cancellationToken);
        var fingerprint = OrderAllocations.Fingerprint(command.OrderId, command.Source.ToString(), command.Lines);
        if (await operations.ClaimAsync<AllocationResult>(OperationKeys.Restock, OperationKeys.OfOrder(command.OrderId, command.Reference), fingerprint, now, cancellationToken) is { } earlier)
            return earlier;

        var allocations = await OrderAllocations.LockAsync(db, command.OrderId, cancellationToken);
        var taken = OrderAllocations.Take(command.OrderId, allocations, command.Lines, a => returned ? a.Returnable : a.Open);
        var changed = new List<StockRow>();
        foreach (var line in taken)
        {
            changed.Add(await ledger.MoveAsync(line.VariantId, returned ? line.Quantity : 0, 0, returned ? 0 : -line.Quantity, now, cancellationToken)
                ?? throw new InvalidOperationException($"Variant {line.VariantId} is allocated but has no stock row."));
        }

        if (taken.Count > 0)
        {
            var column = returned ? "returned" : "cancelled";
            await db.BatchAsync(
                [
                    Statement(
                        $"""
                        UPDATE inventory.allocations a SET {column} = a.{column} + t.quantity, updated_at = $4
                        FROM unnest($2::uuid[], $3::int[]) AS t(variant_id, quantity) WHERE a.order_id = $1 AND a.variant_id = t.variant_id
                        """,
                        command.OrderId, taken.Select(t => t.VariantId).ToArray(), taken.Select(t => t.Quantity).ToArray(), now),
                    Movement.Insert(taken.Select(t => new Movement(t.VariantId, MovementKind.Restocked, t.Quantity, returned ? t.Quantity : 0, 0, returned ? 0 : -t.Quantity,
                        returned ? "RETURNED" : "CANCELLED", null, command.OrderId, command.Actor)).ToList(), now),
                ],
                -1, _ => 0, cancellationToken);
        }

        await ledger.SignalAsync(changed, now, cancellationToken);
        var result = new AllocationResult(command.OrderId, taken);
        await operations.CompleteAsync(OperationKeys.Restock, OperationKeys.OfOrder(command.OrderId, command.Reference), result, cancellationToken);
        return result;
    }
}
