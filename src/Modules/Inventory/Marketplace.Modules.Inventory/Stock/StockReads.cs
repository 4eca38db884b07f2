using Marketplace.Modules.Inventory.Persistence;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>Reading stock as readers see it: each variant's row with the units of its holds that are past their expiry.</summary>
internal static class StockReads
{
    public static async Task<Dictionary<Guid, StockView>> ViewsAsync(InventoryDbContext db, IReadOnlyCollection<Guid> variantIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (variantIds.Count == 0)
            return [];
        var rows = await db.QueryAsync(
            $"""
            SELECT {string.Join(", ", StockRow.Columns.Split(", ").Select(c => "s." + c))}, coalesce(x.expired, 0)
            FROM inventory.stock_levels s
            LEFT JOIN (SELECT variant_id, sum(quantity)::int AS expired FROM inventory.reservations
                       WHERE status = 'ACTIVE' AND expires_at <= $2 AND variant_id = ANY($1) GROUP BY variant_id) x ON x.variant_id = s.variant_id
            WHERE s.variant_id = ANY($1)
            """,
            p =>
            {
                p.Add(new Npgsql.NpgsqlParameter { Value = variantIds.ToArray() });
                p.Add(new Npgsql.NpgsqlParameter { Value = now });
            },
            r => new StockView(StockRow.Read(r), r.GetInt32(16)),
            cancellationToken);
        return rows.ToDictionary(v => v.Row.VariantId);
    }
}
