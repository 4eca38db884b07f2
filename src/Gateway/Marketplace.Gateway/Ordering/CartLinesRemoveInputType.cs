using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

internal sealed class CartLinesRemoveInputType : InputObjectGraphType
{
    public CartLinesRemoveInputType()
    {
        Name = "CartLinesRemoveInput";
        Description = "Lines to remove from your cart.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("variantIds").Description("1 to 100 ProductVariant ids, each in the cart.");
    }
}
