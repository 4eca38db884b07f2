using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class SellerRegisterInputType : InputObjectGraphType
{
    public SellerRegisterInputType()
    {
        Name = "SellerRegisterInput";
        Description = "A new seller account.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The address to verify and sign in with; at most 254 characters, stored trimmed and lower-cased.");
        Field<NonNullGraphType<StringGraphType>>("password").Description("10 to 256 characters, not the email address, not a common password.");
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("The name shown for the account; 1 to 100 characters.");
    }
}
