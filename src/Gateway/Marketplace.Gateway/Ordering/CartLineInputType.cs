using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

internal sealed class CartLineInputType : InputObjectGraphType
{
    public CartLineInputType()
    {
        Name = "CartLineInput";
        Description = "A variant and a quantity.";
        Field<NonNullGraphType<IdGraphType>>("variantId").Description("The ProductVariant.");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("cartLinesAdd: 1 to 99, added to what the cart holds (a line holds at most 99). cartLinesUpdate: 0 to 99, the line's new quantity (0 removes it).");
    }
}
