using GraphQL.Types;
using Marketplace.Gateway.Conventions;

namespace Marketplace.Gateway.Ordering;

internal sealed class CheckoutCompleteInputType : InputObjectGraphType
{
    public CheckoutCompleteInputType()
    {
        Name = "CheckoutCompleteInput";
        Description = "Places the orders of an OPEN checkout.";
        Field<NonNullGraphType<IdGraphType>>("checkoutId").Description("The Checkout.");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("Chosen by you (e.g. a UUID), at most 100 characters. Send the same key with the same input to retry safely: you get the first answer. The same key with other input is IDEMPOTENCY_KEY_REUSED.");
        Field<NonNullGraphType<ExactDecimalGraphType>>("expectedTotal").Description("The total you agreed to (the checkout's total.amount). If the prices changed since, nothing is charged: PRICE_CHANGED with the new total.");
    }
}
