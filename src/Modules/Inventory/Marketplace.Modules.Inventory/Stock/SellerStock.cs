using Marketplace.Modules.Inventory.Variants;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>A seller's change of one variant's stock starts here: the row locked, known, theirs, and without stale holds.</summary>
internal sealed class SellerStock(StockLedger ledger, VariantDirectory directory)
{
    /// <summary>
    /// The variant's row locked for the transaction (copied from Catalog first if no event brought it yet), only for the
    /// seller who runs its store (else <c>NOT_OWNER</c>; unknown: <c>VARIANT_NOT_FOUND</c>). Its holds past their expiry
    /// are ended first, so what the seller is told is promised is what really is.
    /// </summary>
    public async Task<StockRow> LockOwnedAsync(Guid variantId, Guid sellerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await ledger.LockAsync(variantId, cancellationToken);
        if (row is null)
        {
            await directory.EnsureAsync([variantId], cancellationToken);
            row = await ledger.LockAsync(variantId, cancellationToken) ?? throw InventoryInput.VariantNotFound();
        }

        if (row.SellerId != sellerId)
            throw InventoryInput.NotOwner();
        return await ledger.ExpireHoldsAsync(variantId, now, cancellationToken) ?? row;
    }
}
