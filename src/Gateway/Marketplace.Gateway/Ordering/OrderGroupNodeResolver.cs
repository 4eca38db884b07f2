using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>node(id:)</c> for order groups: their buyer and administrators (the module decides).</summary>
internal sealed class OrderGroupNodeResolver : INodeResolver
{
    public string TypeName => OrderingArea.OrderGroupTypeName;

    public Type ClrType => typeof(OrderGroup);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        await ContractCalls.OrNullAsync(async () => await OrderingArea.Orders(context).GetOrderGroupAsync(new GetOrderGroupRequest { Id = id }, cancellationToken: context.CancellationToken));
}
