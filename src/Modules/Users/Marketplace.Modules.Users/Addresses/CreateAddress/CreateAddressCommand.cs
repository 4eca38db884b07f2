using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Users.Addresses.CreateAddress;

/// <summary>The signed-in buyer adds an address to their book (the first becomes the default).</summary>
internal sealed record CreateAddressCommand(SignedInUser Buyer, AddressInput Address) : ICommand<Address>
{
    public static CreateAddressCommand From(SignedInUser buyer, CreateAddressRequest request) => new(buyer, AddressInput.From(request.Address));
}
