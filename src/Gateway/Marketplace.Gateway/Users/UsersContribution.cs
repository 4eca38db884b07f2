using GraphQL;
using GraphQL.Types;
using Grpc.Core;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Users;

/// <summary>
/// Sign-in, sessions and seller accounts. Every rule (limits, throttling, validation) lives in the Users module;
/// these resolvers map input to a contract call and expected failures to <c>userErrors</c>.
/// </summary>
internal sealed class UsersContribution : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        Mutation(mutation, "buyerLoginCodeRequest", "Texts a 6-digit sign-in code to a phone. The answer is the same whether or not the phone has an account.",
                Input("BuyerLoginCodeRequestInput", ("phone", "Phone number with country code, e.g. +44 7911 123456.")),
                Payload("BuyerLoginCodeRequestPayload", p =>
                {
                    p.Field<NonNullGraphType<BooleanGraphType>>("codeSent").Resolve(c => c.Source.Ok);
                    p.Field<IntGraphType>("expiresInSeconds").Resolve(c => c.Source.ExpiresInSeconds);
                }))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, client) =>
            {
                var answer = await ViewerType.Users(c).RequestBuyerLoginCodeAsync(new RequestBuyerLoginCodeRequest { Phone = input.Text("phone"), Client = client }, cancellationToken: c.CancellationToken);
                return new UsersPayload(Ok: true, ExpiresInSeconds: answer.ExpiresInSeconds);
            }));

        Mutation(mutation, "buyerLoginCodeVerify", "Signs a buyer in with the code; the first success creates the buyer.",
                Input("BuyerLoginCodeVerifyInput", ("phone", null), ("code", "The 6-digit code from the SMS.")),
                SignInPayload("BuyerLoginCodeVerifyPayload"))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, client) => SignedIn(await ViewerType.Users(c).VerifyBuyerLoginCodeAsync(
                new VerifyBuyerLoginCodeRequest { Phone = input.Text("phone"), Code = input.Text("code"), Client = client }, cancellationToken: c.CancellationToken))));

        Mutation(mutation, "sellerRegister", "Creates a seller account and emails a verification link. The seller is signed in at once; selling and password sign-in wait for the verified email. The answer is the same for an address already in use (its owner is told by email).",
                Input("SellerRegisterInput", ("email", null), ("password", "At least 10 characters, not your email, not a common password."), ("displayName", null)),
                SignInPayload("SellerRegisterPayload"))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, client) => SignedIn(await ViewerType.Users(c).RegisterSellerAsync(
                new RegisterSellerRequest { Email = input.Text("email"), Password = input.Text("password"), DisplayName = input.Text("displayName"), Client = client },
                cancellationToken: c.CancellationToken))));

        Mutation(mutation, "sellerLogin", "Signs a seller in with email and password.",
                Input("SellerLoginInput", ("email", null), ("password", null)),
                SignInPayload("SellerLoginPayload"))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, client) => SignedIn(await ViewerType.Users(c).LoginSellerAsync(
                new LoginSellerRequest { Email = input.Text("email"), Password = input.Text("password"), Client = client }, cancellationToken: c.CancellationToken))));

        Mutation(mutation, "sellerEmailVerify", "Confirms a seller's email with the token from the verification link.",
                Input("SellerEmailVerifyInput", ("token", null)), OkPayload("SellerEmailVerifyPayload"))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, _) =>
            {
                await ViewerType.Users(c).VerifySellerEmailAsync(new VerifySellerEmailRequest { Token = input.Text("token") }, cancellationToken: c.CancellationToken);
                return new UsersPayload(Ok: true);
            }));

        Mutation(mutation, "sellerVerificationResend", "Sends the signed-in seller a new verification link.", null, OkPayload("SellerVerificationResendPayload"))
            .RequireRoles(Roles.Seller)
            .ResolveAsync(c => Run(c, async (_, client) =>
            {
                await ViewerType.Users(c).ResendSellerVerificationAsync(new ResendSellerVerificationRequest { Client = client }, cancellationToken: c.CancellationToken);
                return new UsersPayload(Ok: true);
            }));

        Mutation(mutation, "passwordResetRequest", "Emails a password reset link if the address has an account; the answer is the same either way.",
                Input("PasswordResetRequestInput", ("email", null)), OkPayload("PasswordResetRequestPayload"))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, client) =>
            {
                await ViewerType.Users(c).RequestPasswordResetAsync(new RequestPasswordResetRequest { Email = input.Text("email"), Client = client }, cancellationToken: c.CancellationToken);
                return new UsersPayload(Ok: true);
            }));

        Mutation(mutation, "passwordResetComplete", "Sets a new password with the token from the reset link; every session of the account ends.",
                Input("PasswordResetCompleteInput", ("token", null), ("newPassword", null)), OkPayload("PasswordResetCompletePayload"))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, _) =>
            {
                await ViewerType.Users(c).CompletePasswordResetAsync(new CompletePasswordResetRequest { Token = input.Text("token"), NewPassword = input.Text("newPassword") }, cancellationToken: c.CancellationToken);
                return new UsersPayload(Ok: true);
            }));

        Mutation(mutation, "sessionRefresh", "Trades a refresh token for new tokens. Each refresh token works once; presenting a used one ends its session.",
                Input("SessionRefreshInput", ("refreshToken", null)), SignInPayload("SessionRefreshPayload"))
            .AllowAnonymous()
            .ResolveAsync(c => Run(c, async (input, client) => SignedIn(await ViewerType.Users(c).RefreshSessionAsync(
                new RefreshSessionRequest { RefreshToken = input.Text("refreshToken"), Client = client }, cancellationToken: c.CancellationToken))));

        Mutation(mutation, "logout", "Ends the session of this request's token.", null, OkPayload("LogoutPayload"))
            .RequireSignedIn()
            .ResolveAsync(c => Run(c, async (_, _) =>
            {
                await ViewerType.Users(c).LogoutAsync(new LogoutRequest(), cancellationToken: c.CancellationToken);
                // Ended durably in the Users module; this gateway refuses the token from now on even before (or
                // without) the Redis mark.
                if (c.GetCaller().SessionId is { } session)
                    Liveness(c).MarkEnded(session);
                return new UsersPayload(Ok: true);
            }));

        SignInUnlock(mutation);

        Mutation(mutation, "sessionRevoke", "Ends one of your sessions (see viewer.sessions).",
                Input("SessionRevokeInput", ("id", "The session's id.")), OkPayload("SessionRevokePayload"))
            .RequireSignedIn()
            .ResolveAsync(c => Run(c, async (input, _) =>
            {
                var id = GlobalId.TryDecode(input.Text("id"), out var type, out var raw) && type == "Session" ? raw : "";
                await ViewerType.Users(c).RevokeSessionAsync(new RevokeSessionRequest { SessionId = id }, cancellationToken: c.CancellationToken);
                Liveness(c).MarkEnded(id);
                return new UsersPayload(Ok: true);
            }));
    }

    private static void SignInUnlock(ObjectGraphType mutation)
    {
        var input = new InputObjectGraphType { Name = "SignInUnlockInput" };
        input.Field<StringGraphType>("phone").Description("A buyer's phone whose code sign-in is locked.");
        input.Field<StringGraphType>("email").Description("An address whose password sign-in is locked.");
        Mutation(mutation, "signInUnlock", "Administrators: unlocks sign-in after SIGN_IN_LOCKED (the cap of consecutive failures); the other path NIST asks for.",
                input, Payload("SignInUnlockPayload", p => p.Field<NonNullGraphType<BooleanGraphType>>("unlocked").Resolve(c => c.Source.Ok)))
            .RequireRoles(Roles.Admin)
            .ResolveAsync(c => Run(c, async (fields, _) =>
            {
                var answer = await ViewerType.Users(c).UnlockSignInAsync(
                    new UnlockSignInRequest { Phone = fields.TryGetValue("phone", out var phone) ? phone?.ToString() ?? "" : "", Email = fields.TryGetValue("email", out var email) ? email?.ToString() ?? "" : "" },
                    cancellationToken: c.CancellationToken);
                return new UsersPayload(Ok: answer.Unlocked);
            }));
    }

    private static GraphQL.Builders.FieldBuilder<object?, object> Mutation(ObjectGraphType mutation, string name, string description, InputObjectGraphType? input, IGraphType payload)
    {
        var field = mutation.Field(name, new NonNullGraphType(payload)).Description(description);
        if (input is not null)
            field.Argument(new NonNullGraphType(input), "input");
        return field;
    }

    private static InputObjectGraphType Input(string name, params (string Name, string? Description)[] fields)
    {
        var input = new InputObjectGraphType { Name = name };
        foreach (var (field, description) in fields)
        {
            if (field == "id")
                input.Field<NonNullGraphType<IdGraphType>>(field).Description(description);
            else
                input.Field<NonNullGraphType<StringGraphType>>(field).Description(description);
        }
        return input;
    }

    private static ObjectGraphType<UsersPayload> Payload(string name, Action<ObjectGraphType<UsersPayload>> fields)
    {
        var payload = new ObjectGraphType<UsersPayload> { Name = name };
        fields(payload);
        payload.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
        return payload;
    }

    private static ObjectGraphType<UsersPayload> OkPayload(string name) =>
        Payload(name, p => p.Field<NonNullGraphType<BooleanGraphType>>("success").Resolve(c => c.Source.Ok));

    private static ObjectGraphType<UsersPayload> SignInPayload(string name) => Payload(name, p =>
    {
        p.Field<StringGraphType>("accessToken").Description("A JWT for the Authorization header (Bearer); short-lived.").Resolve(c => c.Source.SignedIn?.AccessToken);
        p.Field<IntGraphType>("accessTokenExpiresIn").Description("Seconds until the access token expires.").Resolve(c => c.Source.SignedIn?.AccessTokenExpiresInSeconds);
        p.Field<StringGraphType>("refreshToken").Description("Opaque; trade it for new tokens with sessionRefresh. Works once.").Resolve(c => c.Source.SignedIn?.RefreshToken);
        p.Field<ViewerType>("viewer").Description("Who is now signed in.").Resolve(c => c.Source.SignedIn is { } s ? ViewerSource.From(s) : null);
    });

    private static UsersPayload SignedIn(SignedIn signedIn) => new(SignedIn: signedIn);

    /// <summary>Runs a contract call; expected failures (bad input, limits, used tokens) become userErrors.</summary>
    private static async Task<object?> Run(IResolveFieldContext context, Func<IDictionary<string, object?>, ClientInfo, Task<UsersPayload>> call)
    {
        var input = context.HasArgument("input") ? context.GetArgument<Dictionary<string, object?>>("input") : new Dictionary<string, object?>();
        try
        {
            return await call(input, ClientOf(context));
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound)
        {
            return new UsersPayload(UserErrors: UserErrors.From(exception));
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.ResourceExhausted || (exception.StatusCode is StatusCode.Unauthenticated && exception.Reason() is { } reason && reason.StartsWith("REFRESH_TOKEN", StringComparison.Ordinal)))
        {
            int? seconds = exception.RetryAfter() is { } after ? (int)Math.Ceiling(after.TotalSeconds) : null;
            var retry = seconds is { } wait ? $" Retry in {wait} s." : "";
            return new UsersPayload(UserErrors: [new UserError(null, exception.Reason() ?? "RATE_LIMITED", exception.Status.Detail + retry) { RetryAfterSeconds = seconds }]);
        }
    }

    private static UsersSessionLiveness Liveness(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<UsersSessionLiveness>();

    /// <summary>The client as the gateway saw it (address, User-Agent): facts the Users module counts limits by.</summary>
    internal static ClientInfo ClientOf(IResolveFieldContext context)
    {
        var http = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        var agent = http?.Request.Headers.UserAgent.ToString() ?? "";
        return new ClientInfo
        {
            Ip = http?.Connection.RemoteIpAddress?.ToString() ?? "",
            Device = agent.Length > 256 ? agent[..256] : agent,
        };
    }
}

/// <summary>A mutation's payload: the result, or what went wrong.</summary>
internal sealed record UsersPayload(SignedIn? SignedIn = null, bool Ok = false, int? ExpiresInSeconds = null, IReadOnlyList<UserError>? UserErrors = null)
{
    public IReadOnlyList<UserError> UserErrors { get; init; } = UserErrors ?? [];
}
