using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>node(id:)</c> for orders: as <c>order(id:)</c> (the module decides: buyer, the store's seller, admin).</summary>
internal sealed class OrderNodeResolver : INodeResolver
{
    public string TypeName => OrderingArea.OrderTypeName;

    public Type ClrType => typeof(Order);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        await ContractCalls.OrNullAsync(async () => await OrderingArea.Orders(context).GetOrderAsync(new GetOrderRequest { Id = id }, cancellationToken: context.CancellationToken));
}
