using GraphQL.Types;

namespace Marketplace.Gateway.Users;

internal sealed class SessionRefreshInputType : InputObjectGraphType
{
    public SessionRefreshInputType()
    {
        Name = "SessionRefreshInput";
        Description = "The refresh token to trade.";
        Field<NonNullGraphType<StringGraphType>>("refreshToken").Description("The refreshToken of the last sign-in or refresh; at most 128 characters.");
    }
}
