using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Inventory.Reservations.Release;

/// <summary>
/// Ends the holder's active hold (under the holder's lock) and gives its units back, variant by variant in the one lock
/// order. Releasing again finds no active hold and changes nothing.
/// </summary>
internal sealed class ReleaseHandler(InventoryDbContext db, StockLedger ledger, TimeProvider clock) : ICommandHandler<ReleaseCommand, int>
{
    public async ValueTask<int> Handle(ReleaseCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var held = await db.BatchAsync([Holds.Lock("holder", command.HolderId), Holds.End(command.HolderId, now, command.Actor)], 1, Holds.ReadHeld, cancellationToken);
        var quantities = held.ToDictionary(h => h.VariantId, h => h.Quantity);
        var changed = new List<StockRow>();
        foreach (var variantId in StockLedger.Order(quantities.Keys))
        {
            changed.Add(await ledger.MoveAsync(variantId, 0, -quantities[variantId], 0, now, cancellationToken)
                ?? throw new InvalidOperationException($"Variant {variantId} had a hold but has no stock row."));
        }

        await ledger.SignalAsync(changed, now, cancellationToken);
        return quantities.Values.Sum();
    }
}
