using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary>
/// <c>orderStatusChanged(orderId)</c> and <c>storeOrderPlaced(storeId)</c>: an order's steps and a store's new orders,
/// live, through the <c>OrderingLive</c> contract, which decides who may watch (the order's buyer, the store's seller,
/// administrators; anyone else gets NOT_FOUND, as for an order or store that does not exist) before the subscription
/// is acknowledged. The calls are started while the caller is ambient, so their metadata names them.
/// </summary>
internal sealed class OrderSubscriptions : ISchemaContribution
{
    public void ConfigureSubscription(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<OrderStatusUpdateType>>("orderStatusChanged")
            .Description("An order's steps as they happen (accepted, ready, out for delivery, delivered, rejected, cancelled, …), for its buyer, the seller of its store and administrators; NOT_FOUND for anyone else. At most once: after a disconnection, read the order again.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId", "The order's global id.")
            .AllowAnonymous()
            .ResolveStreamAsync(async c =>
            {
                var id = c.GetIdArgument("orderId", OrderingArea.OrderTypeName)!;
                var call = OrderingArea.Live(c).WatchOrder(new WatchOrderRequest { OrderId = id });
                return await OrderLiveObservable.OpenAsync(call, e => e.StatusChanged, c.CancellationToken);
            });

        subscription.Field<NonNullGraphType<OrderType>>("storeOrderPlaced")
            .Description("A store's new orders as they are placed, for the seller who runs it and administrators; NOT_FOUND for anyone else. At most once: after a disconnection, read store.orders.")
            .Argument<NonNullGraphType<IdGraphType>>("storeId", "The store's global id.")
            .AllowAnonymous()
            .ResolveStreamAsync(async c =>
            {
                var id = c.GetIdArgument("storeId", SellersArea.StoreTypeName)!;
                var call = OrderingArea.Live(c).WatchStoreOrders(new WatchStoreOrdersRequest { StoreId = id });
                return await OrderLiveObservable.OpenAsync(call, e => e.OrderPlaced, c.CancellationToken);
            });
    }
}
