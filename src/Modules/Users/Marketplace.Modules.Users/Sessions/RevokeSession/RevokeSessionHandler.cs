using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.RevokeSession;

internal sealed class RevokeSessionHandler(SessionService sessions) : ICommandHandler<RevokeSessionCommand, Unit>
{
    public async ValueTask<Unit> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.User, cancellationToken);
        // Someone else's session answers exactly like a missing one.
        if (command.SessionId is not { } id || await sessions.FindLiveAsync(id, cancellationToken) is not { } session || session.UserId != command.User.UserId)
            throw ContractError.NotFound(UsersErrorCodes.SessionNotFound, "No such session.");
        await sessions.RevokeAsync(id, "revoked", cancellationToken);
        return Unit.Value;
    }
}
