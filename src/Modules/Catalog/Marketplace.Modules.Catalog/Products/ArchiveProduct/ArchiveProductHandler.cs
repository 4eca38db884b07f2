using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Persistence;
using Mediator;

namespace Marketplace.Modules.Catalog.Products.ArchiveProduct;

/// <summary>Publishes <c>product_archived.v1</c> with the new version.</summary>
internal sealed class ArchiveProductHandler(CatalogDbContext db, StoreAccess stores, TimeProvider clock) : ICommandHandler<ArchiveProductCommand, Product>
{
    public async ValueTask<Product> Handle(ArchiveProductCommand command, CancellationToken cancellationToken)
    {
        var product = await db.LockOwnedAsync(stores, command.ProductId, command.SellerId, cancellationToken);
        if (product.Status == ProductStatus.Archived)
            return product;

        var now = clock.GetUtcNow();
        product.Status = ProductStatus.Archived;
        product.UpdatedAt = now;
        product.Version++;
        db.AddEvent(new ProductArchived(product.Id, product.StoreId, product.Version, now));
        return product;
    }
}
