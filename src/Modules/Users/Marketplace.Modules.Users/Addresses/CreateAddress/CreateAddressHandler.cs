using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Addresses.CreateAddress;

/// <summary>Within the per-buyer bound, which holds under concurrent requests (the book is locked for the transaction).</summary>
internal sealed class CreateAddressHandler(UsersDbContext db, SessionService sessions, PhoneNumberNormalizer phones, TimeProvider clock)
    : ICommandHandler<CreateAddressCommand, Address>
{
    public async ValueTask<Address> Handle(CreateAddressCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.Buyer, cancellationToken);
        var ownerId = command.Buyer.UserId;
        await db.LockBookAsync(ownerId, cancellationToken);
        var count = await db.Set<Address>().CountAsync(a => a.UserId == ownerId, cancellationToken);
        if (count >= AddressRows.MaxAddressesPerBuyer)
            throw ContractError.FailedPrecondition(UsersErrorCodes.Addresses.AddressLimitReached, $"An address book holds at most {AddressRows.MaxAddressesPerBuyer} addresses; delete one first.");

        var now = clock.GetUtcNow();
        var address = new Address { UserId = ownerId, CreatedAt = now, IsDefault = count == 0 };
        address.Apply(command.Address, phones, now);
        db.Add(address);
        return address;
    }
}
