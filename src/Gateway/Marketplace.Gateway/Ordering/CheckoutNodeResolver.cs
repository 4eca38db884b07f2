using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>node(id:)</c> for checkouts: their buyer only (anything else is null).</summary>
internal sealed class CheckoutNodeResolver : INodeResolver
{
    public string TypeName => OrderingArea.CheckoutTypeName;

    public Type ClrType => typeof(Checkout);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        if (!context.GetCaller().IsInRole(Roles.Buyer))
            return null;
        return await ContractCalls.OrNullAsync(async () => await OrderingArea.Checkouts(context).GetCheckoutAsync(new GetCheckoutRequest { Id = id }, cancellationToken: context.CancellationToken));
    }
}
