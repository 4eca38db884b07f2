using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class SellerEmailVerifyInputType : InputObjectGraphType
{
    public SellerEmailVerifyInputType()
    {
        Name = "SellerEmailVerifyInput";
        Description = "The token of a verification link.";
        Field<NonNullGraphType<StringGraphType>>("token").Description("The `token` parameter of the emailed link; valid for 24 hours, once.");
    }
}
