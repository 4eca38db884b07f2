using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Profiles.GetViewer;

internal sealed class GetViewerHandler(UsersDbContext db, SessionService sessions) : IQueryHandler<GetViewerQuery, User>
{
    public async ValueTask<User> Handle(GetViewerQuery query, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(query.User, cancellationToken);
        return await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.User.UserId, cancellationToken)
            ?? throw ContractError.NotFound(UsersErrorCodes.UserNotFound, "Your account no longer exists.");
    }
}
