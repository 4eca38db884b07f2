using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>A product's variant set: SKUs unique per store (also under concurrent requests), and replacing the set.</summary>
internal static class VariantSet
{
    private const string SkuIndex = "ix_product_variants_store_id_sku_key";

    /// <summary>SKU_TAKEN on each draft whose SKU another product of the store uses (case-insensitively).</summary>
    public static async Task<List<FieldViolation>> TakenSkusAsync(this CatalogDbContext db, Guid storeId, Guid? productId, IReadOnlyList<VariantDraft> drafts, CancellationToken cancellationToken)
    {
        var keys = drafts.Select(d => d.Sku.ToLowerInvariant()).ToList();
        var taken = await db.Variants.AsNoTracking()
            .Where(v => v.StoreId == storeId && keys.Contains(v.SkuKey) && v.ProductId != productId)
            .Select(v => v.SkuKey)
            .ToListAsync(cancellationToken);
        return drafts.Where(d => taken.Contains(d.Sku.ToLowerInvariant()))
            .Select(d => new FieldViolation($"{d.Path ?? "variants"}.sku", $"Another product of this store uses the SKU '{d.Sku}'.", Codes.SkuTaken))
            .ToList();
    }

    /// <summary>
    /// Makes the product's variants match the checked drafts (kept ones changed, new ones added, others removed). When a
    /// SKU moves between variants of this product (a swap, or a removed variant's SKU reused), the rows first take
    /// placeholder SKUs so the unique index never sees two rows with one SKU in between.
    /// </summary>
    public static async Task ReplaceAsync(this CatalogDbContext db, Product product, IReadOnlyList<VariantDraft> drafts, CancellationToken cancellationToken)
    {
        var keep = drafts.Where(d => d.ExistingId is not null).Select(d => d.ExistingId!.Value).ToHashSet();
        var current = product.Variants.ToDictionary(v => v.Id);
        var reused = drafts.Any(d => current.Values.Any(v => v.Sku.Equals(d.Sku, StringComparison.OrdinalIgnoreCase) && v.Id != d.ExistingId));
        if (reused)
        {
            foreach (var variant in product.Variants.Where(v => !keep.Contains(v.Id)).ToList())
            {
                product.Variants.Remove(variant);
                db.Variants.Remove(variant);
            }

            foreach (var draft in drafts.Where(d => d.ExistingId is not null))
                current[draft.ExistingId!.Value].Sku = "~" + Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync(cancellationToken);
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (draft.ExistingId is { } id)
            {
                var variant = current[id];
                var resolved = ListingRules.Resolve(product.Options, draft);
                variant.Sku = draft.Sku;
                variant.OptionValues = resolved.OptionValues;
                variant.Price = resolved.Price;
                variant.CompareAtPrice = resolved.CompareAtPrice;
                variant.Currency = draft.CurrencyCode;
                variant.Barcode = draft.Barcode;
                variant.WeightGrams = draft.WeightGrams;
                variant.Position = i;
            }
            else
            {
                // Added explicitly: a new entity with its key already set, found only through the navigation, would be
                // taken for an existing row.
                var variant = ProductChanges.NewVariant(product, draft, i);
                product.Variants.Add(variant);
                db.Variants.Add(variant);
            }
        }

        foreach (var variant in product.Variants.Where(v => current.ContainsKey(v.Id) && !keep.Contains(v.Id)).ToList())
        {
            product.Variants.Remove(variant);
            db.Variants.Remove(variant);
        }
    }

    /// <summary>
    /// Saves inside the command's transaction. A SKU another request of the store took after our check (the unique index)
    /// becomes SKU_TAKEN on the variant at fault: EF rolls back to its savepoint, and the other request has committed by
    /// the time the index refuses ours, so looking again names it. A category deleted meanwhile (the foreign key) is
    /// UNKNOWN_CATEGORY.
    /// </summary>
    public static async Task SaveProductAsync(this CatalogDbContext db, Guid storeId, Guid? productId, IReadOnlyList<VariantDraft> drafts, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: SkuIndex })
        {
            db.ChangeTracker.Clear();
            var violations = await db.TakenSkusAsync(storeId, productId, drafts, cancellationToken);
            throw ProductRows.Invalid(violations.Count > 0 ? violations : [new FieldViolation("variants", "Another product of this store uses one of these SKUs.", Codes.SkuTaken)]);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            throw ProductRows.Invalid([ProductRows.UnknownCategory()]);
        }
    }
}
