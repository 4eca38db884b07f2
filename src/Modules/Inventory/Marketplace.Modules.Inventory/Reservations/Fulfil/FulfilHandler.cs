using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Reservations.Commit;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Mediator;
using static Marketplace.Shared.Persistence.ModuleSql;

namespace Marketplace.Modules.Inventory.Reservations.Fulfil;

/// <summary>
/// Under the order's lock, claims the reference (a repeat answers the first result), checks each line against what is
/// still allocated, and per variant in the one lock order takes the units off allocated and on hand together (FULFILLED
/// movements). A backorder whose units never arrived cannot be handed over: <c>INSUFFICIENT_ON_HAND</c>, nothing changed.
/// </summary>
internal sealed class FulfilHandler(InventoryDbContext db, StockLedger ledger, OperationKeys operations, TimeProvider clock) : ICommandHandler<FulfilCommand, AllocationResult>
{
    public async ValueTask<AllocationResult> Handle(FulfilCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        await db.BatchAsync([Holds.Lock("order", command.OrderId)], -1, _ => 0, cancellationToken);
        var fingerprint = OrderAllocations.Fingerprint(command.OrderId, "", command.Lines);
        if (await operations.ClaimAsync<AllocationResult>(OperationKeys.Fulfil, OperationKeys.OfOrder(command.OrderId, command.Reference), fingerprint, now, cancellationToken) is { } earlier)
            return earlier;

        var allocations = await OrderAllocations.LockAsync(db, command.OrderId, cancellationToken);
        var taken = OrderAllocations.Take(command.OrderId, allocations, command.Lines, a => a.Open);
        var changed = new List<StockRow>();
        foreach (var line in taken)
        {
            changed.Add(await ledger.MoveAsync(line.VariantId, -line.Quantity, 0, -line.Quantity, now, cancellationToken, minimumOnHand: line.Quantity)
                ?? throw ContractError.FailedPrecondition(InventoryErrorCodes.InsufficientOnHand, $"Variant {line.VariantId} has fewer than {line.Quantity} on hand; receive the backorder first."));
        }

        if (taken.Count > 0)
        {
            await db.BatchAsync(
                [
                    Statement(
                        """
                        UPDATE inventory.allocations a SET fulfilled = a.fulfilled + t.quantity, updated_at = $4
                        FROM unnest($2::uuid[], $3::int[]) AS t(variant_id, quantity) WHERE a.order_id = $1 AND a.variant_id = t.variant_id
                        """,
                        command.OrderId, taken.Select(t => t.VariantId).ToArray(), taken.Select(t => t.Quantity).ToArray(), now),
                    Movement.Insert(taken.Select(t => new Movement(t.VariantId, MovementKind.Fulfilled, t.Quantity, -t.Quantity, 0, -t.Quantity, null, null, command.OrderId, command.Actor)).ToList(), now),
                ],
                -1, _ => 0, cancellationToken);
        }

        await ledger.SignalAsync(changed, now, cancellationToken);
        var result = new AllocationResult(command.OrderId, taken);
        await operations.CompleteAsync(OperationKeys.Fulfil, OperationKeys.OfOrder(command.OrderId, command.Reference), result, cancellationToken);
        return result;
    }
}
