using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class BuyerLoginCodeVerifyInputType : InputObjectGraphType
{
    public BuyerLoginCodeVerifyInputType()
    {
        Name = "BuyerLoginCodeVerifyInput";
        Description = "A phone and the code texted to it.";
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The phone the code was sent to, in any form buyerLoginCodeRequest accepted.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("The 6-digit code from the text message; 3 tries per code, then ask for a new one.");
    }
}
