using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.UpdateAddress;

/// <summary>The signed-in buyer replaces the fields of one of their addresses.</summary>
internal sealed record UpdateAddressCommand(SignedInUser Buyer, Guid AddressId, AddressInput Address) : ICommand<Address>
{
    public static UpdateAddressCommand From(SignedInUser buyer, UpdateAddressRequest request) =>
        new(buyer, AddressRows.ParseId(request.Id), AddressInput.From(request.Address));
}
