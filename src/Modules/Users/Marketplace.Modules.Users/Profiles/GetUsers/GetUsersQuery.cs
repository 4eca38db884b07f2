using Marketplace.Modules.Users.Domain;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Users.Profiles.GetUsers;

/// <summary>Public profile facts by ids: anyone for modules and administrators, a user's own record for a user.</summary>
internal sealed record GetUsersQuery(IReadOnlyList<string> Ids, Viewer Viewer) : IQuery<IReadOnlyList<User>>
{
    public const int MaxIds = 200;
}
