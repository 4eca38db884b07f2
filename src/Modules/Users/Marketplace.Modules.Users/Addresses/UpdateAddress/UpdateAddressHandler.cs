using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Persistence;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.UpdateAddress;

internal sealed class UpdateAddressHandler(UsersDbContext db, SessionService sessions, PhoneNumberNormalizer phones, TimeProvider clock)
    : ICommandHandler<UpdateAddressCommand, Address>
{
    public async ValueTask<Address> Handle(UpdateAddressCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.Buyer, cancellationToken);
        var address = await db.FindOwnedAsync(command.Buyer.UserId, command.AddressId, cancellationToken);
        address.Apply(command.Address, phones, clock.GetUtcNow());
        return address;
    }
}
