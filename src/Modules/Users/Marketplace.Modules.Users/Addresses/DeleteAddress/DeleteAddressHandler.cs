using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Addresses.DeleteAddress;

/// <summary>Deleting the default makes the oldest remaining address the default (one default whenever there are any).</summary>
internal sealed class DeleteAddressHandler(UsersDbContext db, SessionService sessions) : ICommandHandler<DeleteAddressCommand, Guid>
{
    public async ValueTask<Guid> Handle(DeleteAddressCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.Buyer, cancellationToken);
        var ownerId = command.Buyer.UserId;
        await db.LockBookAsync(ownerId, cancellationToken);
        var address = await db.FindOwnedAsync(ownerId, command.AddressId, cancellationToken);
        db.Remove(address);
        await db.SaveChangesAsync(cancellationToken);
        if (address.IsDefault && await db.Set<Address>().Where(a => a.UserId == ownerId).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) is { } next)
            next.IsDefault = true;
        return address.Id;
    }
}
