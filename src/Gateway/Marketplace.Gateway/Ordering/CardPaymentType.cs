using GraphQL.Types;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>CardPayment</c>: what a client needs to confirm a card payment (Stripe.js).</summary>
internal sealed class CardPaymentType : ObjectGraphType<CardPayment>
{
    public CardPaymentType()
    {
        Name = "CardPayment";
        Description = "A card payment prepared at checkoutCreate (a Stripe PaymentIntent with manual capture). Confirm it in the client with clientSecret, then call checkoutComplete.";
        Field<NonNullGraphType<StringGraphType>>("paymentIntentId").Description("The provider's id of the payment.").Resolve(c => c.Source.PaymentIntentId);
        Field<StringGraphType>("clientSecret").Description("For Stripe.js to confirm the payment; only while the checkout is OPEN, only to its buyer.")
            .Resolve(c => c.Source.ClientSecret.Length == 0 ? null : c.Source.ClientSecret);
        Field<NonNullGraphType<StringGraphType>>("status").Description("The provider's status when last seen, e.g. requires_payment_method, requires_capture.").Resolve(c => c.Source.Status);
    }
}
