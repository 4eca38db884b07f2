using GraphQL;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Ordering;

/// <summary>
/// The Ordering area: the buyer's cart (<c>viewer.cart</c>, <c>cartLines*</c>), checkout (<c>checkoutCreate</c>,
/// <c>checkoutComplete</c>, <c>viewer.checkout</c>) and orders (<c>viewer.orders</c>, <c>store.orders</c>,
/// <c>order(id:)</c>) and their lifecycle (<c>orderAccept</c> … <c>orderCancel</c>, <c>Order.statusHistory</c>), through the <c>OrderingCarts</c>, <c>OrderingCheckout</c>, <c>OrderingOrders</c> and <c>OrderingLifecycle</c> contracts,
/// which authorize every call again. A cart holds ids and quantities only: its lines are hydrated here, through the
/// request's DataLoaders (one Catalog, one Inventory and one Sellers call per request, however many lines and stores).
/// </summary>
internal sealed class OrderingArea : IGatewayArea
{
    public const string CartTypeName = "Cart";
    public const string CheckoutTypeName = "Checkout";
    public const string OrderTypeName = "Order";
    public const string OrderGroupTypeName = "OrderGroup";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<OrderingCarts.OrderingCartsClient>("Ordering");
        services.AddSchemaContribution<CartMutations>();
        services.AddSingleton<IViewerExtension, CartViewerFields>();
        services.AddNodeResolver<CartNodeResolver>();
        services.AddContractClient<OrderingCheckout.OrderingCheckoutClient>("Ordering");
        services.AddContractClient<OrderingOrders.OrderingOrdersClient>("Ordering");
        services.AddSchemaContribution<CheckoutMutations>();
        services.AddSchemaContribution<OrderQueries>();
        services.AddSingleton<IViewerExtension, OrderViewerFields>();
        services.AddSingleton<IStoreExtension, StoreOrdersField>();
        services.AddNodeResolver<CheckoutNodeResolver>();
        services.AddNodeResolver<OrderNodeResolver>();
        services.AddNodeResolver<OrderGroupNodeResolver>();
        services.AddContractClient<OrderingLifecycle.OrderingLifecycleClient>("Ordering");
        services.AddSchemaContribution<OrderLifecycleMutations>();
        // Live status (issue 17): orderStatusChanged, storeOrderPlaced.
        services.AddContractClient<OrderingLive.OrderingLiveClient>("Ordering");
        services.AddSchemaContribution<OrderSubscriptions>();
    }

    public static OrderingCarts.OrderingCartsClient Carts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OrderingCarts.OrderingCartsClient>();

    public static OrderingCheckout.OrderingCheckoutClient Checkouts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OrderingCheckout.OrderingCheckoutClient>();

    public static OrderingOrders.OrderingOrdersClient Orders(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OrderingOrders.OrderingOrdersClient>();

    public static OrderingLifecycle.OrderingLifecycleClient Lifecycle(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OrderingLifecycle.OrderingLifecycleClient>();

    public static OrderingLive.OrderingLiveClient Live(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OrderingLive.OrderingLiveClient>();
}
