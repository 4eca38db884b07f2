using Marketplace.Modules.Users.Auth;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.RefreshSession;

/// <summary>
/// Rotates the refresh token. A reused token ends its whole session family and is answered as a <see cref="Refusal"/>,
/// so that revocation commits (<see cref="SessionService.RefreshAsync"/>).
/// </summary>
internal sealed class RefreshSessionHandler(SessionService sessions) : ICommandHandler<RefreshSessionCommand, Outcome<SignedInSession>>
{
    public async ValueTask<Outcome<SignedInSession>> Handle(RefreshSessionCommand command, CancellationToken cancellationToken) =>
        await sessions.RefreshAsync(command.RefreshToken, command.Client, cancellationToken);
}
