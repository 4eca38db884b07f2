using Marketplace.Modules.Inventory.Persistence;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.FindDrift;

/// <summary>
/// One statement, so one snapshot: every variant's counters recomputed from its movements, holds and allocations, and
/// compared with what is stored. A whole scan of the movements: it runs at night (<see cref="Jobs.ReconcileCountersJob"/>).
/// </summary>
internal sealed class FindDriftHandler(InventoryDbContext db) : IQueryHandler<FindDriftQuery, DriftReport>
{
    public async ValueTask<DriftReport> Handle(FindDriftQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync(
            """
            SELECT s.variant_id, s.on_hand, s.reserved, s.allocated,
                   coalesce(m.on_hand, 0), coalesce(m.reserved, 0), coalesce(m.allocated, 0), coalesce(r.held, 0), coalesce(a.open, 0),
                   count(*) OVER ()
            FROM inventory.stock_levels s
            LEFT JOIN (SELECT variant_id, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved, sum(allocated_delta) AS allocated
                       FROM inventory.stock_movements GROUP BY variant_id) m ON m.variant_id = s.variant_id
            LEFT JOIN (SELECT variant_id, sum(quantity) AS held FROM inventory.reservations WHERE status = 'ACTIVE' GROUP BY variant_id) r ON r.variant_id = s.variant_id
            LEFT JOIN (SELECT variant_id, sum(quantity - fulfilled - cancelled) AS open FROM inventory.allocations GROUP BY variant_id) a ON a.variant_id = s.variant_id
            """,
            _ => { },
            r => (Drift: new Drift(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)), Total: r.GetInt64(9)),
            cancellationToken);
        var drifted = rows.Select(r => r.Drift).Where(IsDrift).Take(query.Limit).ToList();
        return new DriftReport(rows.Count, drifted);
    }

    private static bool IsDrift(Drift d) =>
        d.OnHand != d.MovedOnHand || d.Reserved != d.MovedReserved || d.Allocated != d.MovedAllocated
        || d.Reserved != d.ActiveHolds || d.Allocated != d.OpenAllocations;
}
