using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>node(id:)</c> for variants: seen by whoever may see their product, as in <c>product(id:)</c> (the module decides).</summary>
internal sealed class ProductVariantNodeResolver : INodeResolver
{
    public string TypeName => CatalogArea.VariantTypeName;

    public Type ClrType => typeof(VariantSource);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        VariantSource.Of(await ContractCalls.OrNullAsync(async () =>
            await CatalogArea.Products(context).GetVariantAsync(new VariantIdRequest { Id = id }, cancellationToken: context.CancellationToken)));
}
