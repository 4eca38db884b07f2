using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

internal sealed class ProfileUpdatePayloadType : ObjectGraphType<ProfilePayload>
{
    public ProfileUpdatePayloadType()
    {
        Name = "ProfileUpdatePayload";
        Description = "The result of profileUpdate: you after the change, or why nothing changed.";
        Field<ViewerType>("viewer").Description("You after the change (a new phone shows once confirmed); null when the mutation failed.").Resolve(c => c.Source.Viewer);
        Field<NonNullGraphType<BooleanGraphType>>("phoneCodeSent").Description("A code went to the new phone; the phone changes once it is confirmed.").Resolve(c => c.Source.PhoneCodeSent);
        Field<NonNullGraphType<BooleanGraphType>>("emailVerificationSent").Description("A verification link went to the new email address.").Resolve(c => c.Source.EmailVerificationSent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<AccountErrors>>>>>("userErrors")
            .Description("Why nothing changed (one per field at fault; RATE_LIMITED with retryAfterSeconds); empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
