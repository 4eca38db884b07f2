using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Addresses.SetDefaultAddress;

/// <summary>The old default stops being one in the same transaction (a unique index allows one default per buyer).</summary>
internal sealed class SetDefaultAddressHandler(UsersDbContext db, SessionService sessions, TimeProvider clock) : ICommandHandler<SetDefaultAddressCommand, Address>
{
    public async ValueTask<Address> Handle(SetDefaultAddressCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.Buyer, cancellationToken);
        var ownerId = command.Buyer.UserId;
        await db.LockBookAsync(ownerId, cancellationToken);
        var address = await db.FindOwnedAsync(ownerId, command.AddressId, cancellationToken);
        await db.Set<Address>().Where(a => a.UserId == ownerId && a.IsDefault && a.Id != address.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDefault, false), cancellationToken);
        if (!address.IsDefault)
        {
            address.IsDefault = true;
            address.UpdatedAt = clock.GetUtcNow();
        }

        return address;
    }
}
