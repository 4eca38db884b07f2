using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Npgsql;

namespace Marketplace.Modules.Inventory.Stock.UpdateStockSettings;

/// <summary>
/// On the locked row: threshold, safety stock, policy and tracking. Turning on DENY (or tracking) while more is promised
/// than is on hand is refused: the invariant would break. The counters do not move (no movement), but what crossed is
/// published: e.g. a threshold raised above what is available sends the low-stock alert now.
/// </summary>
internal sealed class UpdateStockSettingsHandler(InventoryDbContext db, SellerStock stock, StockLedger ledger, TimeProvider clock) : ICommandHandler<UpdateStockSettingsCommand, StockView>
{
    public async ValueTask<StockView> Handle(UpdateStockSettingsCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var row = await stock.LockOwnedAsync(command.VariantId, command.SellerId, now, cancellationToken);
        var threshold = command.ClearLowStockThreshold ? null : command.LowStockThreshold ?? row.LowStockThreshold;
        var safety = command.SafetyStock ?? row.SafetyStock;
        var policy = command.Policy ?? row.Policy;
        var tracked = command.Tracked ?? row.Tracked;
        if (tracked && policy == InventoryPolicy.Deny && (long)row.Reserved + row.Allocated > row.OnHand)
        {
            throw ContractError.FailedPrecondition(InventoryErrorCodes.OnHandBelowCommitted,
                $"{(long)row.Reserved + row.Allocated} units are promised but {row.OnHand} are on hand: receive stock before refusing backorders.");
        }

        if (threshold == row.LowStockThreshold && safety == row.SafetyStock && policy == row.Policy && tracked == row.Tracked)
            return new StockView(row, 0);

        var changed = (await db.QueryAsync(
            $"""
            UPDATE inventory.stock_levels SET low_stock_threshold = $2, safety_stock = $3, policy = $4, tracked = $5, updated_at = $6
            WHERE variant_id = $1 RETURNING {StockRow.Columns}
            """,
            p =>
            {
                p.Add(new NpgsqlParameter { Value = command.VariantId });
                p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer, Value = (object?)threshold ?? DBNull.Value });
                p.Add(new NpgsqlParameter { Value = safety });
                p.Add(new NpgsqlParameter { Value = policy });
                p.Add(new NpgsqlParameter { Value = tracked });
                p.Add(new NpgsqlParameter { Value = now });
            },
            StockRow.Read, cancellationToken)).Single();
        await ledger.SignalAsync([changed], now, cancellationToken);
        return new StockView(changed, 0);
    }
}
