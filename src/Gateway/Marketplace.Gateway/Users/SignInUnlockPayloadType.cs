using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

internal sealed class SignInUnlockPayloadType : ObjectGraphType<AccountPayload>
{
    public SignInUnlockPayloadType()
    {
        Name = "SignInUnlockPayload";
        Description = "The result of unlocking sign-in.";
        Field<NonNullGraphType<BooleanGraphType>>("unlocked").Description("True when a spent cap was cleared; false when nothing was locked.").Resolve(c => c.Source.Success);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AccountErrors>>>>>("userErrors")
            .Description("Why nothing was unlocked (PHONE_INVALID, EMAIL_INVALID); empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
