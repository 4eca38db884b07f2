using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Profiles.GetUsers;

/// <summary>Unknown and malformed ids are left out; a user who is not privileged sees their own record only.</summary>
internal sealed class GetUsersHandler(UsersDbContext db) : IQueryHandler<GetUsersQuery, IReadOnlyList<User>>
{
    public async ValueTask<IReadOnlyList<User>> Handle(GetUsersQuery query, CancellationToken cancellationToken)
    {
        var ids = query.Ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (!query.Viewer.IsPrivileged)
            ids = ids.Where(i => i == query.Viewer.UserId).ToList();
        return await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
    }
}
