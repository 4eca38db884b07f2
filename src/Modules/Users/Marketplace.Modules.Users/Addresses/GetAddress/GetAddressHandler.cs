using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Persistence;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.GetAddress;

internal sealed class GetAddressHandler(UsersDbContext db, SessionService sessions) : IQueryHandler<GetAddressQuery, Address>
{
    public async ValueTask<Address> Handle(GetAddressQuery query, CancellationToken cancellationToken)
    {
        if (query.Buyer is { } buyer)
            await sessions.RequireLiveAsync(buyer, cancellationToken);
        return await db.FindOwnedAsync(query.OwnerId, query.AddressId, cancellationToken);
    }
}
