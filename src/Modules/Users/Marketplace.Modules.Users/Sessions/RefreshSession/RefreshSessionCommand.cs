using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.RefreshSession;

/// <summary>Anyone holding a refresh token trades it for the next tokens of its session (the token is the credential).</summary>
internal sealed record RefreshSessionCommand(string RefreshToken, ClientFacts Client) : ICommand<Outcome<SignedInSession>>
{
    public static RefreshSessionCommand From(RefreshSessionRequest request) => new(request.RefreshToken, ClientFacts.From(request.Client));
}
