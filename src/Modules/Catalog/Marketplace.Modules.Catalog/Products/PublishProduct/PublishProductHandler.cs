using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.Products.PublishProduct;

/// <summary>Only a product of an ACTIVE store (asked of the Sellers contract); publishes <c>product_published.v1</c>.</summary>
internal sealed class PublishProductHandler(CatalogDbContext db, StoreAccess stores, TimeProvider clock) : ICommandHandler<PublishProductCommand, Product>
{
    public async ValueTask<Product> Handle(PublishProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.LockOwnedAsync(stores, command.ProductId, command.SellerId, cancellationToken);
        if (product.Status == ProductStatus.Active)
            return product;
        if (!(await stores.ActiveAsync([product.StoreId], cancellationToken)).Contains(product.StoreId))
            throw ContractError.FailedPrecondition(Codes.StoreNotActive, "Only an ACTIVE store's products can be published.");

        var now = clock.GetUtcNow();
        product.Status = ProductStatus.Active;
        product.PublishedAt = now;
        product.UpdatedAt = now;
        product.Version++;
        db.AddEvent(ProductChanges.Published(product, now));
        return product;
    }
}
