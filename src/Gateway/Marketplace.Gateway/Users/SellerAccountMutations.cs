using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Users;

/// <summary>Seller accounts: registration, email verification, password sign-in and password reset.</summary>
internal sealed class SellerAccountMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SignInPayloadType<SellerRegister>>>("sellerRegister")
            .Description("Creates a seller account and emails a verification link. The seller is signed in at once; selling and password sign-in wait "
                + "for the verified email. The answer is the same for an address already in use (its owner is told by email). At most 10 registrations "
                + "per client address an hour.")
            .Argument<NonNullGraphType<SellerRegisterInputType>>("input", "The new account.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.SignInAsync(async () =>
            {
                var input = c.Input();
                var request = new RegisterSellerRequest { Email = input.Text("email"), Password = input.Text("password"), DisplayName = input.Text("displayName"), Client = UsersArea.ClientOf(c) };
                return await UsersArea.Auth(c).RegisterSellerAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<SignInPayloadType<SellerLogin>>>("sellerLogin")
            .Description("Signs a seller (or an administrator) in with a verified email address and password. After 3 failures from one client its "
                + "tries wait (TOO_MANY_ATTEMPTS, doubling from 30 s); 100 consecutive failures lock the account until a password reset (SIGN_IN_LOCKED).")
            .Argument<NonNullGraphType<SellerLoginInputType>>("input", "Email and password.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.SignInAsync(async () =>
            {
                var input = c.Input();
                var request = new LoginSellerRequest { Email = input.Text("email"), Password = input.Text("password"), Client = UsersArea.ClientOf(c) };
                return await UsersArea.Auth(c).LoginSellerAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<AccountSuccessPayloadType<SellerEmailVerify>>>("sellerEmailVerify")
            .Description("Confirms a seller's email address with the token from the verification link.")
            .Argument<NonNullGraphType<SellerEmailVerifyInputType>>("input", "The link's token.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.RunAsync(async () =>
            {
                await UsersArea.Auth(c).VerifySellerEmailAsync(new VerifySellerEmailRequest { Token = c.Input().Text("token") }, cancellationToken: c.CancellationToken);
                return true;
            }));

        mutation.Field<NonNullGraphType<AccountSuccessPayloadType<SellerVerificationResend>>>("sellerVerificationResend")
            .Description("Sends the signed-in seller a new verification link (within the email budget: RATE_LIMITED with retryAfterSeconds).")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await AccountPayload.RunAsync(async () =>
            {
                await UsersArea.Auth(c).ResendSellerVerificationAsync(new ResendSellerVerificationRequest { Client = UsersArea.ClientOf(c) }, cancellationToken: c.CancellationToken);
                return true;
            }));

        mutation.Field<NonNullGraphType<AccountSuccessPayloadType<PasswordResetRequest>>>("passwordResetRequest")
            .Description("Emails a password reset link (valid for 1 hour) if the address has an account; the answer is the same either way.")
            .Argument<NonNullGraphType<PasswordResetRequestInputType>>("input", "The address.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.RunAsync(async () =>
            {
                await UsersArea.Auth(c).RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = c.Input().Text("email"), Client = UsersArea.ClientOf(c) }, cancellationToken: c.CancellationToken);
                return true;
            }));

        mutation.Field<NonNullGraphType<AccountSuccessPayloadType<PasswordResetComplete>>>("passwordResetComplete")
            .Description("Sets a new password with the token from the reset link; every session of the account ends and a locked password sign-in is unlocked.")
            .Argument<NonNullGraphType<PasswordResetCompleteInputType>>("input", "The link's token and the new password.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.RunAsync(async () =>
            {
                var input = c.Input();
                await UsersArea.Auth(c).CompletePasswordResetAsync(new CompletePasswordResetRequest { Token = input.Text("token"), NewPassword = input.Text("newPassword") }, cancellationToken: c.CancellationToken);
                return true;
            }));
    }
}
