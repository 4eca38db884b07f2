using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.Products.UpdateVariants;

/// <summary>
/// On the locked product row: each change names a variant of this product (once); the whole resulting set (currency,
/// combinations, SKUs) is checked in the product's variant order, so a change that breaks a rule with another variant is
/// refused and nothing changes.
/// </summary>
internal sealed class UpdateVariantsHandler(CatalogDbContext db, StoreAccess stores, TimeProvider clock) : ICommandHandler<UpdateVariantsCommand, Product>
{
    public async ValueTask<Product> Handle(UpdateVariantsCommand command, CancellationToken cancellationToken)
    {
        var product = await db.LockOwnedAsync(stores, command.ProductId, command.SellerId, cancellationToken);
        var before = ProductChanges.Snapshot(product);
        var oldPrices = product.Variants.ToDictionary(v => v.Id, v => v.Price);

        var violations = new List<FieldViolation>();
        var touched = new Dictionary<Guid, VariantDraft>();
        foreach (var change in command.Variants)
        {
            var variant = Guid.TryParse(change.Id, out var id) ? product.Variants.FirstOrDefault(v => v.Id == id) : null;
            if (variant is null)
            {
                violations.Add(new FieldViolation($"{change.Path}.id", "This product has no variant with this id.", Codes.VariantNotFound));
                continue;
            }

            if (touched.ContainsKey(id))
            {
                violations.Add(new FieldViolation($"{change.Path}.id", "This variant is given twice.", Codes.DuplicateVariantId));
                continue;
            }

            var current = VariantDraft.From(variant, product.Options);
            touched[id] = current with
            {
                Path = change.Path,
                Sku = change.Sku ?? current.Sku,
                Options = change.Options.Count > 0 ? change.Options : current.Options,
                Price = change.Price ?? current.Price,
                CompareAtPrice = change.CompareAtPrice ?? current.CompareAtPrice,
                CurrencyCode = change.CurrencyCode ?? current.CurrencyCode,
                Barcode = change.Barcode is null ? current.Barcode : ProductInput.Barcode(change.Barcode),
                WeightGrams = change.RemoveWeightGrams ? null : change.WeightGrams ?? current.WeightGrams,
            };
        }

        var drafts = product.Variants.OrderBy(v => v.Position)
            .Select(v => touched.TryGetValue(v.Id, out var draft) ? draft : VariantDraft.From(v, product.Options))
            .ToList();
        if (violations.Count == 0)
            violations.AddRange(ListingRules.CheckVariants(product.Options, drafts));
        if (violations.Count == 0)
            violations.AddRange(await db.TakenSkusAsync(product.StoreId, product.Id, drafts, cancellationToken));
        if (violations.Count > 0)
            throw ProductRows.Invalid(violations);

        await db.ReplaceAsync(product, drafts, cancellationToken);
        ProductChanges.Commit(db, product, before, oldPrices, clock.GetUtcNow());
        await db.SaveProductAsync(product.StoreId, product.Id, drafts, cancellationToken);
        return product;
    }
}
