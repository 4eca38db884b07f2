using Marketplace.Modules.Ordering.Orders;
using Mediator;

namespace Marketplace.Modules.Ordering.Checkouts.PlaceOrders;

/// <summary>
/// The last step of checkoutComplete, one transaction: the order group, one order per store with its frozen snapshot,
/// the status history, an <c>order_placed.v1</c> event per order, the cart checked out and the checkout COMPLETED.
/// </summary>
internal sealed record PlaceOrdersCommand(Guid CheckoutId, string OrderPaymentStatus) : ICommand<OrderGroupView>;
