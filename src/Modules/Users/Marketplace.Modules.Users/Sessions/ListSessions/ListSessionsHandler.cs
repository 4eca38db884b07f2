using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Mediator;

namespace Marketplace.Modules.Users.Sessions.ListSessions;

internal sealed class ListSessionsHandler(SessionService sessions) : IQueryHandler<ListSessionsQuery, IReadOnlyList<Session>>
{
    public async ValueTask<IReadOnlyList<Session>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(query.User, cancellationToken);
        return await sessions.ListLiveAsync(query.User.UserId, cancellationToken);
    }
}
