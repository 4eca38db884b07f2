using Marketplace.Modules.Inventory.Contracts.Events;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Npgsql;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>
/// The statements that move a variant's counters, shared by every use case. Each counter change is one statement on
/// one row, written beside the movements that describe it; callers touch several variants in ascending id order
/// (<see cref="Order"/>), so two transactions never wait on each other's rows in a cycle. After a change,
/// <see cref="SignalAsync"/> publishes what crossed: availability (<c>stock_changed.v1</c>) and the low-stock threshold
/// (<c>low_stock.v1</c>, once per crossing).
/// </summary>
internal sealed class StockLedger(InventoryDbContext db)
{
    /// <summary>The one order in which any transaction takes several variants' rows.</summary>
    public static IEnumerable<Guid> Order(IEnumerable<Guid> variantIds) => variantIds.Distinct().Order();

    /// <summary>
    /// Holds <paramref name="delta"/> more units if they are there: one conditional UPDATE, so of concurrent callers
    /// each sees the others' committed holds (READ COMMITTED re-checks the condition on the latest row) and none
    /// oversells. Null when the variant is unknown or short.
    /// </summary>
    public async Task<StockRow?> TryReserveAsync(Guid variantId, int delta, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            $"""
            UPDATE inventory.stock_levels SET reserved = reserved + $2, updated_at = $3
            WHERE variant_id = $1 AND (NOT tracked OR policy = 'CONTINUE' OR on_hand - reserved - allocated - safety_stock >= $2)
            RETURNING {StockRow.Columns}
            """,
            p => Add(p, variantId, delta, now), StockRow.Read, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Moves the counters by the deltas, when <paramref name="minimumOnHand"/> is on hand (null: no condition). The CHECK
    /// constraints refuse anything that would oversell. Null when the variant is unknown or the condition fails.
    /// </summary>
    public async Task<StockRow?> MoveAsync(Guid variantId, int onHandDelta, int reservedDelta, int allocatedDelta, DateTimeOffset now, CancellationToken cancellationToken, int? minimumOnHand = null) =>
        (await db.QueryAsync(
            $"""
            UPDATE inventory.stock_levels
            SET on_hand = on_hand + $2, reserved = reserved + $3, allocated = allocated + $4, updated_at = $5
            WHERE variant_id = $1 AND ($6::int IS NULL OR on_hand >= $6::int)
            RETURNING {StockRow.Columns}
            """,
            p => Add(p, variantId, onHandDelta, reservedDelta, allocatedDelta, now, (object?)minimumOnHand ?? DBNull.Value), StockRow.Read, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Ends the variant's holds that are past their expiry (EXPIRED movements, reserved down by their sum) in one
    /// statement. Holds another transaction is ending right now are skipped (<c>SKIP LOCKED</c>), so this never waits on
    /// the sweeper or on their holder. Null when nothing expired.
    /// </summary>
    public async Task<StockRow?> ExpireHoldsAsync(Guid variantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            $"""
            WITH gone AS (
                UPDATE inventory.reservations r SET status = 'EXPIRED', ended_at = $2
                WHERE r.id IN (SELECT id FROM inventory.reservations
                               WHERE variant_id = $1 AND status = 'ACTIVE' AND expires_at <= $2 FOR UPDATE SKIP LOCKED)
                RETURNING r.holder_id, r.quantity),
            moved AS (
                INSERT INTO inventory.stock_movements
                    (variant_id, kind, quantity, on_hand_delta, reserved_delta, allocated_delta, reference, actor_kind, occurred_at)
                SELECT $1, 'EXPIRED', q, 0, -q, 0, holder_id, 'SYSTEM', $2
                FROM (SELECT holder_id, sum(quantity)::int AS q FROM gone GROUP BY holder_id) h)
            UPDATE inventory.stock_levels s SET reserved = s.reserved - t.total, updated_at = $2
            FROM (SELECT sum(quantity)::int AS total FROM gone) t
            WHERE s.variant_id = $1 AND t.total > 0
            RETURNING {Prefixed("s")}
            """,
            p => Add(p, variantId, now), StockRow.Read, cancellationToken)).SingleOrDefault();

    /// <summary>The row locked for this transaction (<c>FOR UPDATE</c>): a seller's change applies to the latest state.</summary>
    public async Task<StockRow?> LockAsync(Guid variantId, CancellationToken cancellationToken) =>
        (await db.QueryAsync($"SELECT {StockRow.Columns} FROM inventory.stock_levels WHERE variant_id = $1 FOR UPDATE", p => Add(p, variantId), StockRow.Read, cancellationToken))
        .SingleOrDefault();

    public Task AppendAsync(IReadOnlyList<Movement> movements, DateTimeOffset now, CancellationToken cancellationToken) =>
        movements.Count == 0 ? Task.CompletedTask : db.BatchAsync([Movement.Insert(movements, now)], -1, _ => 0, cancellationToken);

    /// <summary>
    /// Publishes what the change crossed, from the rows as the change left them (one per variant, the last state):
    /// <c>stock_changed.v1</c> when availability for sale flipped, <c>low_stock.v1</c> when a tracked variant fell to or
    /// below its threshold and no alert went out since it was last above it (then the flag is reset when it rises). Rows
    /// that crossed nothing cost nothing.
    /// </summary>
    public async Task SignalAsync(IEnumerable<StockRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var availableForSale = row.SellsAnyway || row.RawAvailable > 0;
            var low = row.Tracked && row.LowStockThreshold is { } threshold && row.RawAvailable <= threshold;
            if (availableForSale == row.AvailableForSale && low == row.LowStockAlerted)
                continue;

            var flipped = availableForSale != row.AvailableForSale;
            var state = (await db.QueryAsync(
                """
                UPDATE inventory.stock_levels s
                SET available_for_sale = $2, low_stock_alerted = $3, availability_version = availability_version + $4
                WHERE variant_id = $1
                RETURNING s.availability_version, coalesce((SELECT c.contact_email FROM inventory.store_contacts c WHERE c.store_id = s.store_id), '')
                """,
                p => Add(p, row.VariantId, availableForSale, low, flipped ? 1L : 0L),
                r => (Version: r.GetInt64(0), Email: r.GetString(1)), cancellationToken)).Single();

            if (flipped)
                db.AddEvent(new StockChanged(row.VariantId, row.ProductId, row.StoreId, availableForSale, state.Version, now));
            if (low && !row.LowStockAlerted)
            {
                db.AddEvent(new LowStock(row.VariantId, row.ProductId, row.StoreId, row.SellerId, row.Sku, row.ProductTitle,
                    (int)Math.Clamp(row.RawAvailable, int.MinValue, int.MaxValue), row.LowStockThreshold!.Value, state.Email, now));
            }
        }
    }

    private static string Prefixed(string alias) => string.Join(", ", StockRow.Columns.Split(", ").Select(c => $"{alias}.{c}"));

    private static void Add(NpgsqlParameterCollection parameters, params object[] values)
    {
        foreach (var value in values)
            parameters.Add(new NpgsqlParameter { Value = value });
    }
}
