using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sessions.Logout;

/// <summary>Ends the caller's own session (durably, then its revocation mark: see <see cref="SessionService.RevokeAsync"/>).</summary>
internal sealed class LogoutHandler(UsersDbContext db, SessionService sessions) : ICommandHandler<LogoutCommand, Unit>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        // A token names its own session; only that user's session ends (a forged sid of someone else's ends nothing).
        if (command.SessionId is { } id && await db.Set<Session>().AnyAsync(s => s.Id == id && s.UserId == command.UserId, cancellationToken))
            await sessions.RevokeAsync(id, "logout", cancellationToken);
        return Unit.Value;
    }
}
