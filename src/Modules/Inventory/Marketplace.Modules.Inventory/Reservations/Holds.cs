using Marketplace.Modules.Inventory.Stock;
using Npgsql;
using static Marketplace.Shared.Persistence.ModuleSql;

namespace Marketplace.Modules.Inventory.Reservations;

/// <summary>The statements about a holder's hold and the per-holder and per-order locks.</summary>
internal static class Holds
{
    /// <summary>
    /// Serialises a holder's (or an order's) operations for the rest of the transaction: two concurrent Reserves of one
    /// checkout must not both keep their hold. Taken before any row lock, so it never closes a cycle.
    /// </summary>
    public static NpgsqlBatchCommand Lock(string scope, string key) =>
        Statement("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", $"inventory:{scope}:{key}");

    /// <summary>
    /// Ends the holder's active hold: rows become RELEASED (EXPIRED when already past their expiry) with a movement per
    /// variant and status written by the same statement. Returns (variant id, units) per variant; the caller moves the
    /// counters in its variant order.
    /// </summary>
    public static NpgsqlBatchCommand End(string holderId, DateTimeOffset now, Actor actor) =>
        Statement(
            """
            WITH ended AS (
                UPDATE inventory.reservations SET status = CASE WHEN expires_at <= $2 THEN 'EXPIRED' ELSE 'RELEASED' END, ended_at = $2
                WHERE holder_id = $1 AND status = 'ACTIVE'
                RETURNING variant_id, quantity, status),
            per AS (SELECT variant_id, status, sum(quantity)::int AS q FROM ended GROUP BY variant_id, status),
            moved AS (
                INSERT INTO inventory.stock_movements
                    (variant_id, kind, quantity, on_hand_delta, reserved_delta, allocated_delta, reference, actor_kind, actor_id, occurred_at)
                SELECT variant_id, status, q, 0, -q, 0, $1, $3, $4, $2 FROM per)
            SELECT variant_id, sum(q)::int FROM per GROUP BY variant_id
            """,
            holderId, now, actor.Kind, (object?)actor.Id ?? DBNull.Value);

    public static (Guid VariantId, int Quantity) ReadHeld(NpgsqlDataReader reader) => (reader.GetGuid(0), reader.GetInt32(1));
}
