using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

internal sealed class CartLinesUpdateInputType : InputObjectGraphType
{
    public CartLinesUpdateInputType()
    {
        Name = "CartLinesUpdateInput";
        Description = "New quantities of lines of your cart.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartLineInputType>>>>("lines").Description("1 to 100 lines, each naming a variant already in the cart (0 removes it).");
    }
}
