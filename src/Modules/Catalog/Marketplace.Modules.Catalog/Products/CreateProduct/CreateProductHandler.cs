using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;

namespace Marketplace.Modules.Catalog.Products.CreateProduct;

/// <summary>
/// The seller must run the store (asked of the Sellers contract), the category must exist and the SKUs must be free in
/// the store; then the DRAFT product (version 1) and <c>product_updated.v1</c> are saved together.
/// </summary>
internal sealed class CreateProductHandler(CatalogDbContext db, StoreAccess stores, TimeProvider clock) : ICommandHandler<CreateProductCommand, Product>
{
    public async ValueTask<Product> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(command.StoreId, out var storeId) || !await stores.IsOwnerAsync(storeId, command.SellerId, cancellationToken))
            throw ProductRows.NotStoreOwner();
        var categoryId = await db.CategoryIdAsync(command.CategoryId, cancellationToken) ?? throw ProductRows.Invalid([ProductRows.UnknownCategory()]);
        var taken = await db.TakenSkusAsync(storeId, null, command.Variants, cancellationToken);
        if (taken.Count > 0)
            throw ProductRows.Invalid(taken);

        var now = clock.GetUtcNow();
        var product = ProductChanges.New(
            storeId, command.SellerId, command.Title, command.Description, categoryId, ProductStatus.Draft, command.Attributes, command.Images,
            ListingRules.Options(command.Options), command.Variants, now);
        product.Slug = await ProductSlugs.FreeAsync(db, product.Title, product.Id, cancellationToken);
        db.Products.Add(product);
        db.AddEvent(ProductChanges.Updated(product, now));
        if (ProductMedia.AssetIds(product).Count > 0)
            ProductMedia.Publish(db, product, now);
        await db.SaveProductAsync(storeId, null, command.Variants, cancellationToken);
        return product;
    }
}
