using GraphQL.Types;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>viewer.cart</c>: the buyer's open cart.</summary>
internal sealed class CartViewerFields : IViewerExtension
{
    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer)
    {
        viewer.Field<CartType>("cart")
            .Description("Buyers: your open cart; null until you add a line (and again after a checkout completed), and for other roles.")
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Buyer))
                    return null;
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                var cart = await OrderingArea.Carts(c).GetCartAsync(new GetCartRequest(), cancellationToken: c.CancellationToken);
                return cart.Id.Length == 0 ? null : cart;
            });
    }
}
