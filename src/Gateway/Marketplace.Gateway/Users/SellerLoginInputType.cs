using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class SellerLoginInputType : InputObjectGraphType
{
    public SellerLoginInputType()
    {
        Name = "SellerLoginInput";
        Description = "Email and password of a seller (or an administrator) whose address is verified.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The account's verified email address.");
        Field<NonNullGraphType<StringGraphType>>("password").Description("The account's password.");
    }
}
