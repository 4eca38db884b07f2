using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Modules.Sellers.Payouts;

/// <summary>
/// The ledger's statements (docs/payouts.md): entries are only ever inserted (a trigger refuses anything else but setting
/// a null <c>available_at</c> once), and balances are sums of entries split at an instant, never counters.
/// </summary>
internal static class Ledger
{
    internal sealed record Balance(string CurrencyCode, long Available, long Pending);

    /// <summary>
    /// Appends an entry unless one with the same unique key exists (an order's entry of that type and direction, a
    /// payout's entry of that type, an adjustment's idempotency key): true when this call wrote it.
    /// </summary>
    public static async Task<bool> AppendAsync(this SellersDbContext db, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var written = await db.ExecuteAsync(
            """
            INSERT INTO sellers.payout_ledger_entries
                (id, seller_id, currency_code, type, amount, order_id, store_id, payout_id, reversal, commission_rate,
                 payment_method, reason, idempotency_key, actor_id, event_id, created_at, available_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT DO NOTHING
            """,
            p =>
            {
                p.Add(new NpgsqlParameter { Value = entry.Id });
                p.Add(new NpgsqlParameter { Value = entry.SellerId });
                p.Add(new NpgsqlParameter { Value = entry.CurrencyCode });
                p.Add(new NpgsqlParameter { Value = entry.Type });
                p.Add(new NpgsqlParameter { Value = entry.Amount });
                p.Add(Nullable(entry.OrderId, NpgsqlDbType.Uuid));
                p.Add(Nullable(entry.StoreId, NpgsqlDbType.Uuid));
                p.Add(Nullable(entry.PayoutId, NpgsqlDbType.Uuid));
                p.Add(new NpgsqlParameter { Value = entry.Reversal });
                p.Add(Nullable(entry.CommissionRate, NpgsqlDbType.Numeric));
                p.Add(Nullable(entry.PaymentMethod, NpgsqlDbType.Text));
                p.Add(Nullable(entry.Reason, NpgsqlDbType.Text));
                p.Add(Nullable(entry.IdempotencyKey, NpgsqlDbType.Text));
                p.Add(Nullable(entry.ActorId, NpgsqlDbType.Uuid));
                p.Add(Nullable(entry.EventId, NpgsqlDbType.Uuid));
                p.Add(new NpgsqlParameter { Value = entry.CreatedAt });
                p.Add(Nullable(entry.AvailableAt, NpgsqlDbType.TimestampTz));
            },
            cancellationToken);
        return written == 1;
    }

    /// <summary>A seller's balances per currency at <paramref name="now"/>: available = entries available by then.</summary>
    public static Task<List<Balance>> BalancesAsync(this SellersDbContext db, Guid sellerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.QueryAsync(
            """
            SELECT currency_code,
                   COALESCE(sum(amount) FILTER (WHERE available_at <= $2), 0)::bigint,
                   COALESCE(sum(amount) FILTER (WHERE available_at IS NULL OR available_at > $2), 0)::bigint
            FROM sellers.payout_ledger_entries WHERE seller_id = $1
            GROUP BY currency_code ORDER BY currency_code
            """,
            p =>
            {
                p.Add(new NpgsqlParameter { Value = sellerId });
                p.Add(new NpgsqlParameter { Value = now });
            },
            r => new Balance(r.GetString(0), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken);

    /// <summary>What a seller can be paid in one currency at <paramref name="now"/> (may be negative).</summary>
    public static async Task<long> AvailableAsync(this SellersDbContext db, Guid sellerId, string currency, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            "SELECT COALESCE(sum(amount), 0)::bigint FROM sellers.payout_ledger_entries WHERE seller_id = $1 AND currency_code = $2 AND available_at <= $3",
            p =>
            {
                p.Add(new NpgsqlParameter { Value = sellerId });
                p.Add(new NpgsqlParameter { Value = currency });
                p.Add(new NpgsqlParameter { Value = now });
            },
            r => r.GetInt64(0),
            cancellationToken)).Single();

    /// <summary>
    /// A transaction-scoped advisory lock on a name (released at commit or rollback): what must happen once per name at
    /// a time, across connections and hosts — an order's postings, a seller's payout in a currency.
    /// </summary>
    public static Task LockAsync(this SellersDbContext db, string name, CancellationToken cancellationToken) =>
        db.QueryAsync("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", p => p.Add(new NpgsqlParameter { Value = name }), _ => 0, cancellationToken);

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}

/// <summary>An entry and whether it counted as available when it was read.</summary>
internal sealed record LedgerEntryView(LedgerEntry Entry, bool Available)
{
    public static LedgerEntryView At(LedgerEntry entry, DateTimeOffset now) => new(entry, entry.AvailableAt is { } at && at <= now);
}
