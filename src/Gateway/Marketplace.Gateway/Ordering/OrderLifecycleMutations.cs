using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary>
/// The order lifecycle: <c>orderAccept</c>, <c>orderReject</c>, <c>orderMarkReady</c>, <c>orderMarkOutForDelivery</c>,
/// <c>orderMarkDelivered</c> (the store's seller) and <c>orderCancel</c> (the buyer before acceptance; administrators
/// with a reason). The module checks who may move which order again (docs/ordering.md, "Lifecycle").
/// </summary>
internal sealed class OrderLifecycleMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        Add<OrderAccept>(mutation, "orderAccept", "The store's seller accepts a PLACED order (ACCEPTED); a card payment is taken now.", [Roles.Seller],
            (c, r) => OrderingArea.Lifecycle(c).AcceptOrderAsync(r, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<OrderReject>(mutation, "orderReject", "The store's seller rejects a PLACED order with a reason (REJECTED): the stock goes back and the payment is let go.", [Roles.Seller],
            (c, r) => OrderingArea.Lifecycle(c).RejectOrderAsync(r, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<OrderMarkReady>(mutation, "orderMarkReady", "The store's seller: an ACCEPTED pickup order is ready at the store (READY_FOR_PICKUP).", [Roles.Seller],
            (c, r) => OrderingArea.Lifecycle(c).MarkOrderReadyAsync(r, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<OrderMarkOutForDelivery>(mutation, "orderMarkOutForDelivery", "The store's seller: an ACCEPTED delivery order left the store (OUT_FOR_DELIVERY).", [Roles.Seller],
            (c, r) => OrderingArea.Lifecycle(c).MarkOrderOutForDeliveryAsync(r, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<OrderMarkDelivered>(mutation, "orderMarkDelivered", "The store's seller: the order was handed over — OUT_FOR_DELIVERY → DELIVERED, READY_FOR_PICKUP → PICKED_UP. Paid in person: PAID now.", [Roles.Seller],
            (c, r) => OrderingArea.Lifecycle(c).MarkOrderDeliveredAsync(r, cancellationToken: c.CancellationToken).ResponseAsync);
        Add<OrderCancel>(mutation, "orderCancel", "The buyer cancels a PLACED order (not after the seller accepted it); an administrator cancels any order not already ended, with a reason (a paid order is refunded). The stock goes back while it has not left the store.", [Roles.Buyer, Roles.Admin],
            (c, r) => OrderingArea.Lifecycle(c).CancelOrderAsync(r, cancellationToken: c.CancellationToken).ResponseAsync);
    }

    private static void Add<TMutation>(ObjectGraphType mutation, string name, string description, string[] roles, Func<IResolveFieldContext, OrderTransitionRequest, Task<Order>> call)
        where TMutation : IOrderMutation =>
        mutation.Field<NonNullGraphType<OrderTransitionPayloadType<TMutation>>>(name)
            .Description(description)
            .Argument<NonNullGraphType<OrderTransitionInputType<TMutation>>>("input", "The order (and why).")
            .RequireRoles(roles)
            .ResolveAsync(async c => await OrderTransitionPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new OrderTransitionRequest
                {
                    OrderId = input.RequiredId("orderId", OrderingArea.OrderTypeName),
                    Reason = TMutation.Reason.Has ? input.OptionalText("reason") ?? "" : "",
                };
                return await call(c, request);
            }));
}
