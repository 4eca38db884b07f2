using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class BuyerLoginCodeRequestInputType : InputObjectGraphType
{
    public BuyerLoginCodeRequestInputType()
    {
        Name = "BuyerLoginCodeRequestInput";
        Description = "The phone to text a sign-in code to.";
        Field<NonNullGraphType<StringGraphType>>("phone").Description("Phone number with its country code, e.g. \"+44 7911 123456\" (spaces allowed); at most 32 characters.");
    }
}
