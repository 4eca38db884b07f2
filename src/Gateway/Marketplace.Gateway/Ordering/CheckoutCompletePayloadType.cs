using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Ordering;

internal sealed class CheckoutCompletePayloadType : ObjectGraphType<CheckoutPayload>
{
    public CheckoutCompletePayloadType()
    {
        Name = "CheckoutCompletePayload";
        Description = "The result of checkoutComplete: the order group placed (one order per store), or why not (and nothing charged).";
        Field<OrderGroupType>("orderGroup").Description("The orders placed; null when it failed.").Resolve(c => c.Source.OrderGroup);
        Field<CheckoutType>("checkout").Description("PRICE_CHANGED: the checkout with its new prices and total (complete again with that total); otherwise null.").Resolve(c => c.Source.Checkout);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<CheckoutErrors>>>>>("userErrors")
            .Description("Why no order was placed; empty on success. CHECKOUT_IN_PROGRESS: retry with the same key.")
            .Resolve(c => c.Source.UserErrors);
    }
}
