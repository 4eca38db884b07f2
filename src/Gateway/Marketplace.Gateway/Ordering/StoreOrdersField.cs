using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Execution;
using Marketplace.Shared.Contracts;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Ordering.Contracts.V1;
using Store = Marketplace.Modules.Sellers.Contracts.V1.Store;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>store.orders</c>: the Ordering area's field on the Sellers area's <c>Store</c>.</summary>
internal sealed class StoreOrdersField : IStoreExtension
{
    public void ConfigureStore(ObjectGraphType<Store> store) =>
        store.Field<OrderConnectionType>("orders")
            .Description("The store's orders, newest first: for the seller who runs it and administrators; null for anyone else. At most 100 per page (20 by default).")
            .Argument<OrderStatusType>("status", "Only orders in this status.")
            .PageArguments()
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var caller = c.GetCaller();
                if (!(caller.IsInRole(Roles.Admin) || (caller.IsInRole(Roles.Seller) && caller.Id == c.Source.SellerId)))
                    return null;
                var page = c.GetPageRequest();
                var response = await OrderingArea.Orders(c).ListStoreOrdersAsync(
                    new ListStoreOrdersRequest { StoreId = c.Source.Id, Status = c.GetArgument<string?>("status") ?? "", Page = page.ToContract() },
                    cancellationToken: c.CancellationToken);
                return Connection<Order>.From(response.Orders, response.PageInfo.HasNextPage, page, o => o.Key);
            });
}
