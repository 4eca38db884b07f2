using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>
/// Buyers' sign-in by texted code (<c>buyerLoginCodeRequest</c>, <c>buyerLoginCodeVerify</c>) and the administrators'
/// way out of a spent cap of failures (<c>signInUnlock</c>). Every limit lives in the Users module.
/// </summary>
internal sealed class SignInMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<BuyerLoginCodeRequestPayloadType>>("buyerLoginCodeRequest")
            .Description("Texts a 6-digit sign-in code to a phone, valid for 10 minutes. The answer is the same whether or not the phone has an account. "
                + "Limits per phone (1 a minute, 5 an hour, 10 a day), per client address and overall: RATE_LIMITED with retryAfterSeconds.")
            .Argument<NonNullGraphType<BuyerLoginCodeRequestInputType>>("input", "The phone.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.CodeSentAsync(async () =>
            {
                var request = new RequestBuyerLoginCodeRequest { Phone = c.Input().Text("phone"), Client = UsersArea.ClientOf(c) };
                return (await UsersArea.Auth(c).RequestBuyerLoginCodeAsync(request, cancellationToken: c.CancellationToken)).ExpiresInSeconds;
            }));

        mutation.Field<NonNullGraphType<SignInPayloadType<BuyerLoginCodeVerify>>>("buyerLoginCodeVerify")
            .Description("Signs a buyer in with the texted code; the first success creates the buyer. A code allows 3 tries; "
                + "100 consecutive failures lock the phone (SIGN_IN_LOCKED) until an administrator unlocks it.")
            .Argument<NonNullGraphType<BuyerLoginCodeVerifyInputType>>("input", "The phone and its code.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.SignInAsync(async () =>
            {
                var input = c.Input();
                var request = new VerifyBuyerLoginCodeRequest { Phone = input.Text("phone"), Code = input.Text("code"), Client = UsersArea.ClientOf(c) };
                return await UsersArea.Auth(c).VerifyBuyerLoginCodeAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<SignInUnlockPayloadType>>("signInUnlock")
            .Description("Administrators: unlocks sign-in after SIGN_IN_LOCKED (the cap of consecutive failures) for a phone or an email address; the other path NIST asks for.")
            .Argument<NonNullGraphType<SignInUnlockInputType>>("input", "What to unlock.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c => await AccountPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new UnlockSignInRequest { Phone = input.Text("phone"), Email = input.Text("email") };
                return (await UsersArea.Auth(c).UnlockSignInAsync(request, cancellationToken: c.CancellationToken)).Unlocked;
            }));
    }
}
