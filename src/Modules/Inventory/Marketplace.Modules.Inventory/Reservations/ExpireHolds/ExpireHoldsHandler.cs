using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.ExpireHolds;

/// <summary>
/// One batch of the sweeper, in one transaction: claims the oldest expired active holds with <c>FOR UPDATE SKIP
/// LOCKED</c> (holds a reservation, a release or a commit is working on are left to it, and two sweepers never take the
/// same hold), ends them EXPIRED, then per variant in the one lock order gives their units back (EXPIRED movements per
/// holder). Idempotent: an ended hold is never ended twice, whoever ends it first.
/// </summary>
internal sealed class ExpireHoldsHandler(InventoryDbContext db, StockLedger ledger, TimeProvider clock) : ICommandHandler<ExpireHoldsCommand, int>
{
    public async ValueTask<int> Handle(ExpireHoldsCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var ended = await db.QueryAsync(
            """
            WITH gone AS (
                UPDATE inventory.reservations r SET status = 'EXPIRED', ended_at = $1
                WHERE r.id IN (SELECT id FROM inventory.reservations WHERE status = 'ACTIVE' AND expires_at <= $1
                               ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                RETURNING r.variant_id, r.holder_id, r.quantity)
            SELECT variant_id, holder_id, sum(quantity)::int, count(*)::int FROM gone GROUP BY variant_id, holder_id
            """,
            p =>
            {
                p.Add(new Npgsql.NpgsqlParameter { Value = now });
                p.Add(new Npgsql.NpgsqlParameter { Value = command.BatchSize });
            },
            r => (VariantId: r.GetGuid(0), Holder: r.GetString(1), Quantity: r.GetInt32(2), Rows: r.GetInt32(3)),
            cancellationToken);
        if (ended.Count == 0)
            return 0;

        var perVariant = ended.GroupBy(e => e.VariantId).ToDictionary(g => g.Key, g => g.Sum(e => e.Quantity));
        var changed = new List<StockRow>();
        foreach (var variantId in StockLedger.Order(perVariant.Keys))
        {
            changed.Add(await ledger.MoveAsync(variantId, 0, -perVariant[variantId], 0, now, cancellationToken)
                ?? throw new InvalidOperationException($"Variant {variantId} had a hold but has no stock row."));
        }

        await ledger.AppendAsync(ended.Select(e => Movement.Released(e.VariantId, e.Quantity, e.Holder, Actor.System, expired: true)).ToList(), now, cancellationToken);
        await ledger.SignalAsync(changed, now, cancellationToken);
        return ended.Sum(e => e.Rows);
    }
}
