using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.ValidateSession;

/// <summary>Anyone else's session answers "not live", exactly like an ended or unknown one.</summary>
internal sealed class ValidateSessionHandler(SessionService sessions) : IQueryHandler<ValidateSessionQuery, Session?>
{
    public async ValueTask<Session?> Handle(ValidateSessionQuery query, CancellationToken cancellationToken) =>
        query.SessionId is { } id && await sessions.FindLiveAsync(id, cancellationToken) is { } session && query.Viewer.OwnsOrPrivileged(session.UserId)
            ? session
            : null;
}
