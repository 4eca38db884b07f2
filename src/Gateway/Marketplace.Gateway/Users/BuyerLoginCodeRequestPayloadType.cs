using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

internal sealed class BuyerLoginCodeRequestPayloadType : ObjectGraphType<AccountPayload>
{
    public BuyerLoginCodeRequestPayloadType()
    {
        Name = "BuyerLoginCodeRequestPayload";
        Description = "The result of asking for a sign-in code: sent (the same answer whether or not the phone has an account), or why not.";
        Field<NonNullGraphType<BooleanGraphType>>("codeSent").Description("True when a code was texted.").Resolve(c => c.Source.Success);
        Field<IntGraphType>("expiresInSeconds").Description("How long the code works (600 s unless configured); null when none was sent.").Resolve(c => c.Source.ExpiresInSeconds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AccountErrors>>>>>("userErrors")
            .Description("Why no code was sent (PHONE_INVALID, RATE_LIMITED with retryAfterSeconds, SENDING_UNAVAILABLE, SIGN_IN_LOCKED); empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
