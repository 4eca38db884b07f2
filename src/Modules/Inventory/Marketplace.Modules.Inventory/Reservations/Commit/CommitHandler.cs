using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Mediator;
using static Marketplace.Shared.Persistence.ModuleSql;

namespace Marketplace.Modules.Inventory.Reservations.Commit;

/// <summary>
/// Under the holder's lock, claims the order id (a repeat answers the first result), turns the holder's active hold into
/// the order's allocations (one row per variant) and moves each variant's units from reserved to allocated (ALLOCATED
/// movements), variant by variant in the one lock order. A hold past its expiry that nobody ended yet still belongs to
/// the holder and is committed: its units were never promised to anyone else.
/// </summary>
internal sealed class CommitHandler(InventoryDbContext db, StockLedger ledger, OperationKeys operations, TimeProvider clock) : ICommandHandler<CommitCommand, AllocationResult>
{
    public async ValueTask<AllocationResult> Handle(CommitCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        await db.BatchAsync([Holds.Lock("holder", command.HolderId)], -1, _ => 0, cancellationToken);
        if (await operations.ClaimAsync<AllocationResult>(OperationKeys.Commit, command.OrderId, command.HolderId, now, cancellationToken) is { } earlier)
            return earlier;

        var held = (await db.QueryAsync(
            """
            WITH c AS (
                UPDATE inventory.reservations SET status = 'COMMITTED', ended_at = $2, order_id = $3
                WHERE holder_id = $1 AND status = 'ACTIVE' RETURNING variant_id, quantity)
            SELECT variant_id, sum(quantity)::int FROM c GROUP BY variant_id
            """,
            p =>
            {
                p.Add(new Npgsql.NpgsqlParameter { Value = command.HolderId });
                p.Add(new Npgsql.NpgsqlParameter { Value = now });
                p.Add(new Npgsql.NpgsqlParameter { Value = command.OrderId });
            },
            Holds.ReadHeld, cancellationToken)).ToDictionary(h => h.VariantId, h => h.Quantity);
        if (held.Count == 0)
            throw ContractError.FailedPrecondition(InventoryErrorCodes.NoActiveHold, "This holder holds nothing to commit (released, expired or already committed).");

        var variants = StockLedger.Order(held.Keys).ToList();
        foreach (var variantId in variants)
        {
            _ = await ledger.MoveAsync(variantId, 0, -held[variantId], held[variantId], now, cancellationToken)
                ?? throw new InvalidOperationException($"Variant {variantId} had a hold but has no stock row.");
        }

        await db.BatchAsync(
            [
                Statement(
                    """
                    INSERT INTO inventory.allocations (id, order_id, variant_id, quantity, fulfilled, cancelled, returned, created_at, updated_at)
                    SELECT a.id, $1, a.variant_id, a.quantity, 0, 0, 0, $4, $4 FROM unnest($2::uuid[], $3::uuid[], $5::int[]) AS a(id, variant_id, quantity)
                    """,
                    command.OrderId, variants.Select(_ => Guid.CreateVersion7()).ToArray(), variants.ToArray(), now, variants.Select(v => held[v]).ToArray()),
                Movement.Insert(variants.Select(v => new Movement(v, MovementKind.Allocated, held[v], 0, -held[v], held[v], null, null, command.OrderId, command.Actor)).ToList(), now),
            ],
            -1, _ => 0, cancellationToken);

        // reserved → allocated leaves what is available unchanged: nothing to signal.
        var result = new AllocationResult(command.OrderId, variants.Select(v => new StockLineResult(v, held[v])).ToList());
        await operations.CompleteAsync(OperationKeys.Commit, command.OrderId, result, cancellationToken);
        return result;
    }
}
