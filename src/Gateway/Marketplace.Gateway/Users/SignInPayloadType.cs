using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

/// <summary><c>BuyerLoginCodeVerifyPayload</c>, <c>SellerLoginPayload</c>, …: the tokens of a new session, or userErrors.</summary>
internal sealed class SignInPayloadType<TMutation> : ObjectGraphType<AccountPayload>
    where TMutation : IAccountMutation
{
    public SignInPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {TMutation.Purpose}: the new session's tokens and who is signed in, or why not.";
        Field<StringGraphType>("accessToken")
            .Description("A JWT for the Authorization header (Bearer); valid for accessTokenExpiresIn seconds (15 minutes unless configured). Null when the mutation failed.")
            .Resolve(c => c.Source.SignedIn?.AccessToken);
        Field<IntGraphType>("accessTokenExpiresIn").Description("Seconds until the access token expires.").Resolve(c => c.Source.SignedIn?.AccessTokenExpiresInSeconds);
        Field<StringGraphType>("refreshToken")
            .Description("Opaque; trade it for new tokens with sessionRefresh. Works once; presenting it again ends the session. Keep it secret.")
            .Resolve(c => c.Source.SignedIn?.RefreshToken);
        Field<ViewerType>("viewer").Description("Who is now signed in; null when the mutation failed.").Resolve(c => c.Source.SignedIn is { } s ? ViewerSource.From(s) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AccountErrors>>>>>("userErrors")
            .Description("Why nobody was signed in; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
