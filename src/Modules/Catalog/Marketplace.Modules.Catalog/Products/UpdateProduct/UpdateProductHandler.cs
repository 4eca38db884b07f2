using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.Products.UpdateProduct;

/// <summary>
/// Applies the edit on the locked product row: concurrent edits of one product apply one after the other. The variants
/// named by id must be this product's; the resulting set is checked against the options it will have, and its SKUs
/// against the store's other products. Changed Media images publish <c>product_media_changed.v1</c>.
/// </summary>
internal sealed class UpdateProductHandler(CatalogDbContext db, StoreAccess stores, TimeProvider clock) : ICommandHandler<UpdateProductCommand, Product>
{
    public async ValueTask<Product> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.LockOwnedAsync(stores, command.ProductId, command.SellerId, cancellationToken);
        var before = ProductChanges.Snapshot(product);
        var oldPrices = product.Variants.ToDictionary(v => v.Id, v => v.Price);
        var mediaBefore = ProductMedia.AssetIds(product);

        var violations = new List<FieldViolation>();
        if (command.Title is not null)
            product.Title = command.Title;
        if (command.Description is not null)
            product.Description = command.Description;
        if (command.CategoryId is not null)
        {
            if (await db.CategoryIdAsync(command.CategoryId, cancellationToken) is { } categoryId)
                product.CategoryId = categoryId;
            else
                violations.Add(ProductRows.UnknownCategory());
        }

        if (command.Attributes is not null)
            product.Attributes = ListingRules.Attributes(command.Attributes);
        if (command.Images is not null)
            product.Images = ListingRules.Images(command.Images);

        var options = command.Options is null ? product.Options : ListingRules.Options(command.Options);
        List<VariantDraft>? drafts = null;
        if (command.Variants is not null)
        {
            drafts = Match(product, command.Variants, violations);
            violations.AddRange(ListingRules.CheckVariants(options, drafts));
        }

        if (violations.Count == 0 && drafts is not null)
            violations.AddRange(await db.TakenSkusAsync(product.StoreId, product.Id, drafts, cancellationToken));
        if (violations.Count > 0)
            throw ProductRows.Invalid(violations);

        product.Options = options;
        if (drafts is not null)
            await db.ReplaceAsync(product, drafts, cancellationToken);
        ProductChanges.Commit(db, product, before, oldPrices, clock.GetUtcNow());
        if (!ProductMedia.AssetIds(product).SequenceEqual(mediaBefore))
            ProductMedia.Publish(db, product, product.UpdatedAt);
        await db.SaveProductAsync(product.StoreId, product.Id, drafts ?? [], cancellationToken);
        return product;
    }

    /// <summary>Entries with an id keep that variant of this product (each at most once); entries without one are new.</summary>
    private static List<VariantDraft> Match(Product product, IReadOnlyList<VariantDraft> variants, List<FieldViolation> violations)
    {
        var named = new HashSet<Guid>();
        var drafts = new List<VariantDraft>();
        foreach (var draft in variants)
        {
            Guid? existing = null;
            if (draft.Id.Length > 0)
            {
                if (!Guid.TryParse(draft.Id, out var id) || product.Variants.All(v => v.Id != id))
                    violations.Add(new FieldViolation($"{draft.Path}.id", "This product has no variant with this id.", Codes.VariantNotFound));
                else if (!named.Add(id))
                    violations.Add(new FieldViolation($"{draft.Path}.id", "This variant is given twice.", Codes.DuplicateVariantId));
                else
                    existing = id;
            }

            drafts.Add(draft with { ExistingId = existing });
        }

        return drafts;
    }
}
