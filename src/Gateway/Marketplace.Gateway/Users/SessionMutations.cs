using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Users.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Users;

/// <summary>Sessions: <c>sessionRefresh</c> (anyone holding a refresh token), <c>sessionEnd</c> and <c>sessionRevoke</c> (the signed-in user).</summary>
internal sealed class SessionMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SignInPayloadType<SessionRefresh>>>("sessionRefresh")
            .Description("Trades a refresh token for new tokens of the same session. Each refresh token works once: presenting a used one ends its "
                + "whole session (REFRESH_TOKEN_REUSED). A session whose refresh token is unused for 30 days ends.")
            .Argument<NonNullGraphType<SessionRefreshInputType>>("input", "The refresh token.")
            .AllowAnonymous()
            .ResolveAsync(async c => await AccountPayload.SignInAsync(async () =>
            {
                var request = new RefreshSessionRequest { RefreshToken = c.Input().Text("refreshToken"), Client = UsersArea.ClientOf(c) };
                return await UsersArea.Auth(c).RefreshSessionAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<AccountSuccessPayloadType<SessionEnd>>>("sessionEnd")
            .Description("Signs out: ends the session of this request's token. Its access and refresh tokens stop working at once.")
            .RequireSignedIn()
            .ResolveAsync(async c => await AccountPayload.RunAsync(async () =>
            {
                await UsersArea.Auth(c).LogoutAsync(new LogoutRequest(), cancellationToken: c.CancellationToken);
                // Ended durably in the Users module; this gateway refuses the token from now on even before (or
                // without) the Redis mark.
                if (c.GetCaller().SessionId is { } session)
                    Liveness(c).MarkEnded(session);
                return true;
            }));

        mutation.Field<NonNullGraphType<AccountSuccessPayloadType<SessionRevoke>>>("sessionRevoke")
            .Description("Ends one of your sessions (see viewer.sessions); another user's session is SESSION_NOT_FOUND.")
            .Argument<NonNullGraphType<SessionRevokeInputType>>("input", "The session.")
            .RequireSignedIn()
            .ResolveAsync(async c => await AccountPayload.RunAsync(
                async () =>
                {
                    var id = c.Input().RequiredId("id", UsersArea.SessionTypeName);
                    await UsersArea.Auth(c).RevokeSessionAsync(new RevokeSessionRequest { SessionId = id }, cancellationToken: c.CancellationToken);
                    Liveness(c).MarkEnded(id);
                    return true;
                },
                notFoundField: "id"));
    }

    private static UsersSessionLiveness Liveness(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<UsersSessionLiveness>();
}
