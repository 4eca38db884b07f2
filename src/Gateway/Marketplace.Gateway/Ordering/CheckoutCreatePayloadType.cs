using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Ordering;

internal sealed class CheckoutCreatePayloadType : ObjectGraphType<CheckoutPayload>
{
    public CheckoutCreatePayloadType()
    {
        Name = "CheckoutCreatePayload";
        Description = "The result of checkoutCreate: an OPEN checkout holding your cart's stock, or why not (and nothing is held).";
        Field<CheckoutType>("checkout").Description("The new checkout; null when it failed.").Resolve(c => c.Source.Checkout);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<CheckoutErrors>>>>>("userErrors")
            .Description("Why there is no checkout; empty on success. Line problems come one per line (INSUFFICIENT_STOCK, LINE_UNAVAILABLE, ...).")
            .Resolve(c => c.Source.UserErrors);
    }
}
