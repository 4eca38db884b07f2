using Grpc.Core;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Modules.Media.Assets;

/// <summary>
/// Who may upload for what, asked of the owning modules as the seller themselves: the Sellers contract (does this
/// seller run this store) and the Catalog contract (whose product is this, and in which store).
/// </summary>
internal sealed class TargetAccess(SellersStores.SellersStoresClient sellers, CatalogProducts.CatalogProductsClient products)
{
    public async Task<bool> RunsStoreAsync(Guid sellerId, Guid storeId, CancellationToken cancellationToken) =>
        (await sellers.IsStoreOwnerAsync(new IsStoreOwnerRequest { StoreId = storeId.ToString(), SellerId = sellerId.ToString() }, cancellationToken: cancellationToken)).Owner;

    /// <summary>The store of the seller's product; null when there is no such product or it is someone else's.</summary>
    public async Task<Guid?> StoreOfOwnProductAsync(Guid sellerId, Guid productId, CancellationToken cancellationToken)
    {
        Product product;
        try
        {
            product = await products.GetProductAsync(new ProductIdRequest { Id = productId.ToString() }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }

        return product.SellerId == sellerId.ToString() && Guid.TryParse(product.StoreId, out var storeId) ? storeId : null;
    }
}
