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
/// <c>order(id:)</c>), through the <c>OrderingCarts</c>, <c>OrderingCheckout</c> and <c>OrderingOrders</c> contracts,
/// which authorize every call again. A cart holds ids and quantities only: its lines are hydrated here, through the
/// request's DataLoaders (one Catalog, one Inventory and one Sellers call per request, however many lines and stores).
/// </summary>
internal sealed class OrderingArea : IGatewayArea
{
    public const string CartTypeName = "Cart";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<OrderingCarts.OrderingCartsClient>("Ordering");
        services.AddSchemaContribution<CartMutations>();
        services.AddSingleton<IViewerExtension, CartViewerFields>();
        services.AddNodeResolver<CartNodeResolver>();
    }

    public static OrderingCarts.OrderingCartsClient Carts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<OrderingCarts.OrderingCartsClient>();
}
