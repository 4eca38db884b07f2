using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Npgsql;

namespace Marketplace.Modules.Inventory.Variants;

/// <summary>
/// The local copy of what Inventory needs to know of a variant (its product, store, seller, SKU and title) and of its
/// store (the contact address low-stock emails go to). Fed by Catalog's product events, and on first use of a variant
/// the events have not brought yet (a seller setting stock right after creating the product). Catalog and Sellers are
/// asked as this module, which sees products and stores of any status.
/// </summary>
internal sealed class VariantDirectory(InventoryDbContext db, CatalogProducts.CatalogProductsClient catalog, SellersStores.SellersStoresClient sellers, TimeProvider clock)
{
    /// <summary>
    /// Copies the product's store contact and its variants (new ones get a stock row with zero counters). The store's row
    /// is written first: every transaction that writes both takes them in that order (a seller's first write and the
    /// consumers of the product's events run at once, and would otherwise wait on each other in a cycle).
    /// </summary>
    public async Task CopyAsync(Product product, CancellationToken cancellationToken)
    {
        await CopyStoreAsync(Guid.Parse(product.StoreId), cancellationToken);
        var now = clock.GetUtcNow();
        var variants = product.Variants.Select(v => Guid.Parse(v.Id)).ToList();
        var current = await db.QueryAsync(
            "SELECT variant_id, product_id, store_id, seller_id, sku, product_title FROM inventory.stock_levels WHERE variant_id = ANY($1)",
            p => p.Add(new NpgsqlParameter { Value = variants.ToArray() }),
            r => (VariantId: r.GetGuid(0), Facts: (r.GetGuid(1), r.GetGuid(2), r.GetGuid(3), r.GetString(4), r.GetString(5))),
            cancellationToken);
        var known = current.ToDictionary(c => c.VariantId, c => c.Facts);

        var productId = Guid.Parse(product.Id);
        var storeId = Guid.Parse(product.StoreId);
        var sellerId = Guid.Parse(product.SellerId);
        // In the one lock order; a row is only written when a fact changed, so a hot variant's row is not locked for
        // nothing whenever its product is edited.
        foreach (var variant in product.Variants.OrderBy(v => Guid.Parse(v.Id)))
        {
            var id = Guid.Parse(variant.Id);
            var facts = (productId, storeId, sellerId, variant.Sku, product.Title);
            if (known.TryGetValue(id, out var stored) && stored == facts)
                continue;
            await db.ExecuteAsync(
                """
                INSERT INTO inventory.stock_levels (variant_id, product_id, store_id, seller_id, sku, product_title, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
                ON CONFLICT (variant_id) DO UPDATE SET product_id = excluded.product_id, store_id = excluded.store_id, seller_id = excluded.seller_id,
                    sku = excluded.sku, product_title = excluded.product_title
                """,
                p =>
                {
                    foreach (var value in new object[] { id, productId, storeId, sellerId, variant.Sku, product.Title, now })
                        p.Add(new NpgsqlParameter { Value = value });
                },
                cancellationToken);
        }
    }

    /// <summary>Makes sure the variants have stock rows, asking Catalog for those not copied yet; unknown ids stay unknown.</summary>
    public async Task EnsureAsync(IReadOnlyCollection<Guid> variantIds, CancellationToken cancellationToken)
    {
        var present = (await db.QueryAsync(
            "SELECT variant_id FROM inventory.stock_levels WHERE variant_id = ANY($1)",
            p => p.Add(new NpgsqlParameter { Value = variantIds.ToArray() }), r => r.GetGuid(0), cancellationToken)).ToHashSet();
        var missing = variantIds.Where(v => !present.Contains(v)).ToList();
        if (missing.Count == 0)
            return;

        GetVariantsResponse found;
        using (AsModule())
            found = await catalog.GetVariantsAsync(new GetVariantsRequest { Ids = { missing.Select(m => m.ToString()) } }, cancellationToken: cancellationToken);
        foreach (var product in found.Variants.Select(v => v.Product).DistinctBy(p => p.Id))
            await CopyAsync(product, cancellationToken);
    }

    private async Task CopyStoreAsync(Guid storeId, CancellationToken cancellationToken)
    {
        GetStoresResponse stores;
        using (AsModule())
            stores = await sellers.GetStoresAsync(new GetStoresRequest { Ids = { storeId.ToString() } }, cancellationToken: cancellationToken);
        foreach (var store in stores.Stores)
        {
            await db.ExecuteAsync(
                """
                INSERT INTO inventory.store_contacts (store_id, seller_id, contact_email, refreshed_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (store_id) DO UPDATE SET seller_id = excluded.seller_id, contact_email = excluded.contact_email, refreshed_at = excluded.refreshed_at
                """,
                p =>
                {
                    foreach (var value in new object[] { Guid.Parse(store.Id), Guid.Parse(store.SellerId), store.ContactEmail, clock.GetUtcNow() })
                        p.Add(new NpgsqlParameter { Value = value });
                },
                cancellationToken);
        }
    }

    // The correlation id of the work stays; only the caller becomes this module.
    private static IDisposable AsModule() => CallContext.Push(CallContext.Current with { Caller = Caller.Service(InventoryModule.ModuleName) });
}
