using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary><c>profileUpdate</c> (any signed-in user) and <c>profilePhoneConfirm</c> (buyers).</summary>
internal sealed class ProfileMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ProfileUpdatePayloadType>>("profileUpdate")
            .Description("Changes your profile. Display name and avatar apply at once; a new email (sellers) applies unverified and is emailed a link; "
                + "a new phone (buyers) waits for the code texted to it (profilePhoneConfirm). A phone or address in use elsewhere answers the same. "
                + "Texts and emails count against their budgets (RATE_LIMITED with retryAfterSeconds).")
            .Argument<NonNullGraphType<ProfileUpdateInputType>>("input", "What to change.")
            .RequireSignedIn()
            .ResolveAsync(async c => await ProfilePayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new UpdateProfileRequest { Client = UsersArea.ClientOf(c) };
                if (input.OptionalText("displayName") is { } name)
                    request.DisplayName = name;
                if (input.Has("avatar"))
                    request.Avatar = input.Text("avatar");
                if (input.OptionalText("email") is { } email)
                    request.Email = email;
                if (input.OptionalText("phone") is { } phone)
                    request.Phone = phone;
                var answer = await UsersArea.Profiles(c).UpdateProfileAsync(request, cancellationToken: c.CancellationToken);
                return new ProfilePayload(new ViewerSource(c.GetCaller(), answer.Profile), answer.PhoneCodeSent, answer.EmailVerificationSent, []);
            }));

        mutation.Field<NonNullGraphType<ProfilePhoneConfirmPayloadType>>("profilePhoneConfirm")
            .Description("Buyers: confirms a phone change with the code texted to the new phone. A code allows 3 tries; 100 consecutive failures "
                + "lock phone changes (SIGN_IN_LOCKED).")
            .Argument<NonNullGraphType<ProfilePhoneConfirmInputType>>("input", "The code.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await ProfilePayload.RunAsync(async () =>
            {
                var profile = await UsersArea.Profiles(c).ConfirmPhoneChangeAsync(new ConfirmPhoneChangeRequest { Code = c.Input().Text("code") }, cancellationToken: c.CancellationToken);
                return new ProfilePayload(new ViewerSource(c.GetCaller(), profile), false, false, []);
            }));
    }
}
