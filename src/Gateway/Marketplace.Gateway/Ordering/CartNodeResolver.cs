using GraphQL;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>node(id:)</c> for carts: as <c>viewer.cart</c>, the buyer's own open cart only (anything else is null).</summary>
internal sealed class CartNodeResolver : INodeResolver
{
    public string TypeName => OrderingArea.CartTypeName;

    public Type ClrType => typeof(Cart);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        if (!context.GetCaller().IsInRole(Roles.Buyer))
            return null;
        var cart = await OrderingArea.Carts(context).GetCartAsync(new GetCartRequest(), cancellationToken: context.CancellationToken);
        return cart.Id == id ? cart : null;
    }
}
