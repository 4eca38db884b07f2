using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>node(id:)</c> for stores: the same visibility as <c>store(id:)</c> (the module decides).</summary>
internal sealed class StoreNodeResolver : INodeResolver
{
    public string TypeName => SellersArea.StoreTypeName;

    public Type ClrType => typeof(Store);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        await ContractCalls.OrNullAsync(async () => await SellersArea.Stores(context).GetStoreAsync(new GetStoreRequest { Id = id }, cancellationToken: context.CancellationToken));
}
