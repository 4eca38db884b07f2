using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>Checkout</c>: the buyer's priced, held cart, waiting for checkoutComplete.</summary>
internal sealed class CheckoutType : ObjectGraphType<Checkout>
{
    public CheckoutType()
    {
        Name = OrderingArea.CheckoutTypeName;
        Description = "Your cart priced and its stock held until expiresAt (15 minutes by default). checkoutComplete with its total places one order per store.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Checkout;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; node(id:) answers it to its buyer only.").Resolve(c => GlobalId.Encode(OrderingArea.CheckoutTypeName, c.Source.Id));
        Field<NonNullGraphType<CheckoutStatusType>>("status").Description("Where the checkout is.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("expiresAt").Description("When the stock hold ends; an OPEN checkout cannot be completed after it (CHECKOUT_EXPIRED).").Resolve(c => Timestamps.Parse(c.Source.ExpiresAt));
        Field<NonNullGraphType<FulfilmentType>>("fulfilment").Description("Delivery or pickup.").Resolve(c => c.Source.Fulfilment);
        Field<OrderAddressType>("deliveryAddress").Description("Where it is delivered; null for pickup.").Resolve(c => c.Source.DeliveryAddress);
        Field<NonNullGraphType<PaymentMethodType>>("paymentMethod").Description("How you pay.").Resolve(c => c.Source.PaymentMethod);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>>("lines").Description("The lines as priced, in cart order.").Resolve(c => c.Source.Lines.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckoutStoreType>>>>("stores").Description("Per store (one order each): the store, its subtotal and item count.").Resolve(c => c.Source.Stores.ToList());
        Field<NonNullGraphType<MoneyType>>("subtotal").Description("The lines' total.").Resolve(c => CatalogValues.Money(c.Source.Subtotal));
        Field<NonNullGraphType<MoneyType>>("total").Description("What you pay: give this amount as checkoutComplete's expectedTotal.").Resolve(c => CatalogValues.Money(c.Source.Total));
        Field<CardPaymentType>("cardPayment").Description("CARD only: what the client needs to confirm the payment.").Resolve(c => c.Source.CardPayment);
        Field<IdGraphType>("orderGroupId").Description("COMPLETED: the OrderGroup placed.")
            .Resolve(c => c.Source.OrderGroupId.Length == 0 ? null : GlobalId.Encode(OrderingArea.OrderGroupTypeName, c.Source.OrderGroupId));
        Field<StringGraphType>("failureReason").Description("FAILED: why (a CheckoutErrorCode, or RECOVERED when a crashed completion was undone).")
            .Resolve(c => c.Source.FailureReason.Length == 0 ? null : c.Source.FailureReason);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When it was created.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
    }
}
