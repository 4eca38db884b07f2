using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>CartLinesAddPayload</c>, <c>CartLinesUpdatePayload</c>, <c>CartLinesRemovePayload</c>.</summary>
internal sealed class CartPayloadType<TMutation> : ObjectGraphType<CartPayload>
    where TMutation : ICartMutation
{
    public CartPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}: your cart, or why nothing changed.";
        Field<CartType>("cart").Description("Your cart after the change (hydrated like viewer.cart); null when the mutation failed.").Resolve(c => c.Source.Cart);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<CartErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
