using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>viewer.orders</c> and <c>viewer.checkout</c>: the buyer's own.</summary>
internal sealed class OrderViewerFields : IViewerExtension
{
    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer)
    {
        viewer.Field<OrderConnectionType>("orders")
            .Description("Buyers: your orders, newest first (null for other roles). At most 100 per page (20 by default).")
            .Argument<OrderStatusType>("status", "Only orders in this status.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Buyer))
                    return null;
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                var page = c.GetPageRequest();
                var response = await OrderingArea.Orders(c).ListBuyerOrdersAsync(
                    new ListBuyerOrdersRequest { Status = c.GetArgument<string?>("status") ?? "", Page = page.ToContract() }, cancellationToken: c.CancellationToken);
                return Connection<Order>.From(response.Orders, response.PageInfo.HasNextPage, page, o => o.Key);
            });

        viewer.Field<CheckoutType>("checkout")
            .Description("Buyers: your latest OPEN checkout; null when there is none (and for other roles).")
            .ResolveAsync(async c =>
            {
                if (!c.Source.Caller.IsInRole(Roles.Buyer))
                    return null;
                using var scope = CallContext.Push(c.GetCallContext() with { Caller = c.Source.Caller });
                return await ContractCalls.OrNullAsync(async () => await OrderingArea.Checkouts(c).GetCheckoutAsync(new GetCheckoutRequest(), cancellationToken: c.CancellationToken));
            });
    }
}
