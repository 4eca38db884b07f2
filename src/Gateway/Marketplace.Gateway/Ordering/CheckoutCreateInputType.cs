using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

internal sealed class CheckoutCreateInputType : InputObjectGraphType
{
    public CheckoutCreateInputType()
    {
        Name = "CheckoutCreateInput";
        Description = "How to check your cart out: delivered to one of your addresses, or picked up; and how you pay.";
        Field<IdGraphType>("deliveryAddressId").Description("An Address of your address book: every store of the cart must deliver there (within its service radius). Give this or pickup.");
        Field<BooleanGraphType>("pickup").Description("True: you collect at each store (every ACTIVE store offers pickup). Give this or deliveryAddressId.");
        Field<PaymentMethodType>("paymentMethod").Description("How you pay; default PAY_ON_DELIVERY for delivery, PAY_AT_PICKUP for pickup.");
        Field<StringGraphType>("cardPaymentMethodId").Description("CARD, optional: a Stripe payment method id (pm_…) to confirm the payment server-side at checkoutComplete; without it confirm in the client with cardPayment.clientSecret. At most 255 characters.");
    }
}
