using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>node(id:)</c> for products: the same visibility as <c>product(id:)</c> (the module decides).</summary>
internal sealed class ProductNodeResolver : INodeResolver
{
    public string TypeName => CatalogArea.ProductTypeName;

    public Type ClrType => typeof(Product);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        await ContractCalls.OrNullAsync(async () => await CatalogArea.Products(context).GetProductAsync(new ProductIdRequest { Id = id }, cancellationToken: context.CancellationToken));
}
