using Grpc.Core;
using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Inventory.Variants;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Inventory.Events;

/// <summary>
/// Keeps the local copy of a product's variants current: every product event (created, changed, published, archived)
/// re-reads the product from Catalog as this module and copies its variants, so each variant has its stock row before a
/// seller or a checkout needs it. Idempotent: copying the same product twice writes nothing the second time.
/// </summary>
internal sealed class CopyProductVariants(CatalogProducts.CatalogProductsClient catalog, VariantDirectory directory)
    : IEventHandler<ProductPublished>, IEventHandler<ProductUpdated>, IEventHandler<ProductArchived>
{
    public Task HandleAsync(ProductPublished integrationEvent, CancellationToken cancellationToken) => CopyAsync(integrationEvent.ProductId, cancellationToken);

    public Task HandleAsync(ProductUpdated integrationEvent, CancellationToken cancellationToken) => CopyAsync(integrationEvent.ProductId, cancellationToken);

    public Task HandleAsync(ProductArchived integrationEvent, CancellationToken cancellationToken) => CopyAsync(integrationEvent.ProductId, cancellationToken);

    private async Task CopyAsync(Guid productId, CancellationToken cancellationToken)
    {
        Product product;
        try
        {
            // The consumer runs as this module (a service caller): products of any status are visible.
            product = await catalog.GetProductAsync(new ProductIdRequest { Id = productId.ToString() }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return;
        }

        await directory.CopyAsync(product, cancellationToken);
    }
}
