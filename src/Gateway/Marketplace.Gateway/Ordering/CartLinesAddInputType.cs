using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

internal sealed class CartLinesAddInputType : InputObjectGraphType
{
    public CartLinesAddInputType()
    {
        Name = "CartLinesAddInput";
        Description = "Lines to add to your cart.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartLineInputType>>>>("lines").Description("1 to 100 lines; the cart holds at most 100 different variants, all priced in one currency.");
    }
}
