using Npgsql;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>A variant's stock row as read from (or returned by) a statement: the counters as stored.</summary>
internal sealed record StockRow(
    Guid VariantId,
    Guid ProductId,
    Guid StoreId,
    Guid SellerId,
    string Sku,
    string ProductTitle,
    int OnHand,
    int Reserved,
    int Allocated,
    int SafetyStock,
    int? LowStockThreshold,
    bool Tracked,
    string Policy,
    bool AvailableForSale,
    bool LowStockAlerted,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The columns <see cref="Read"/> expects, in its order (for SELECT and RETURNING).</summary>
    public const string Columns =
        "variant_id, product_id, store_id, seller_id, sku, product_title, on_hand, reserved, allocated, safety_stock, "
        + "low_stock_threshold, tracked, policy, available_for_sale, low_stock_alerted, updated_at";

    public static StockRow Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetGuid(2),
        reader.GetGuid(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        reader.GetInt32(8),
        reader.GetInt32(9),
        reader.IsDBNull(10) ? null : reader.GetInt32(10),
        reader.GetBoolean(11),
        reader.GetString(12),
        reader.GetBoolean(13),
        reader.GetBoolean(14),
        reader.GetFieldValue<DateTimeOffset>(15));

    /// <summary>What can still be promised, as stored (a backorder variant may go below zero).</summary>
    public long RawAvailable => (long)OnHand - Reserved - Allocated - SafetyStock;

    public bool SellsAnyway => !Tracked || Policy == Domain.InventoryPolicy.Continue;
}
