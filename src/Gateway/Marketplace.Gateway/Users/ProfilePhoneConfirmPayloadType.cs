using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

internal sealed class ProfilePhoneConfirmPayloadType : ObjectGraphType<ProfilePayload>
{
    public ProfilePhoneConfirmPayloadType()
    {
        Name = "ProfilePhoneConfirmPayload";
        Description = "The result of profilePhoneConfirm: you with the new phone, or why not.";
        Field<ViewerType>("viewer").Description("You with the new phone; null when the mutation failed.").Resolve(c => c.Source.Viewer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AccountErrors>>>>>("userErrors")
            .Description("Why the phone did not change (CODE_INVALID, NO_PHONE_CHANGE_PENDING, PHONE_TAKEN, SIGN_IN_LOCKED); empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
